import type { Browser, Page } from "@playwright/test";
import { createUserWithCli, expect, expectNoSeriousA11yViolations, newUserData, signInAs, signUp, test, type TestUser } from "./fixtures";

/** Creates and publishes a pratique observée through the UI; returns its slug, the editor left open. */
async function createPublishedFiche(page: Page, titre: string): Promise<string> {
  await page.goto("/fiches/nouvelle");
  await page.getByRole("radio", { name: "Pratique observée" }).check();
  await page.getByRole("textbox", { name: "Titre (obligatoire)" }).fill(titre);
  await page.getByRole("button", { name: "Créer la fiche" }).click();
  await expect(page).toHaveURL(/\/fiches\/[^/]+\/modifier$/);
  await expect(page.getByText("Enregistré", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Publier la fiche" }).click();
  await expect(page.getByText("La fiche est publiée.")).toBeVisible();
  return /\/fiches\/([^/]+)\/modifier$/.exec(page.url())![1];
}

/** A new contributor, signed in in a context of their own. */
async function newContributor(browser: Browser, prefix: string): Promise<{ page: Page; user: TestUser; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = newUserData(prefix);
  await signUp(page, user);
  return { page, user, close: () => context.close() };
}

/** A moderator created with the CLI, signed in in a context of their own. */
async function newModerator(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = newUserData("moderatrice");
  createUserWithCli(user, "moderateur");
  await signInAs(page, user);
  return { page, close: () => context.close() };
}

test("a [[ link and an @ mention are created in the editor, and both pages show where they are cited", async ({ browser }) => {
  const { page, user, close } = await newContributor(browser, "redactrice");
  const tag = user.email.slice(11, 17);
  const cible = `Repair café du Grand Parc ${tag}`;
  const autre = `Permanence des écrivains publics ${tag}`;
  const citante = `Réemploi et réparation ${tag}`;
  const acteur = `Atelier Bricolo ${tag}`;

  await page.goto("/acteurs/nouveau");
  await page.getByLabel("Nom de l'organisation").fill(acteur);
  await page.getByLabel("Catégorie").selectOption({ label: "Acteur à but non lucratif" });
  await page.getByLabel("Type d'organisation").selectOption({ label: "Association" });
  await page.getByRole("button", { name: "Créer l'acteur" }).click();
  await expect(page.getByRole("heading", { level: 1, name: acteur })).toBeVisible();
  const acteurPath = new URL(page.url()).pathname;

  const cibleSlug = await createPublishedFiche(page, cible);
  const autreSlug = await createPublishedFiche(page, autre);
  const citanteSlug = await createPublishedFiche(page, citante);

  const body = page.getByRole("textbox", { name: "Contenu de la fiche" });
  await body.getByRole("paragraph").first().click();
  await page.keyboard.type("Voir aussi [[repair cafe");
  const fiches = page.getByRole("listbox", { name: "Fiches à lier" });
  await expect(fiches.getByRole("option", { name: new RegExp(cible) })).toBeVisible();
  await expect(body).toHaveAttribute("aria-activedescendant", /wiki-link-suggestions-list-\d+/);
  await page.keyboard.press("Enter");
  await expect(body.getByText(cible)).toBeVisible();
  await expect(fiches).toHaveCount(0);

  await page.keyboard.type("avec @atelier bric");
  const acteurs = page.getByRole("listbox", { name: "Acteurs à mentionner" });
  await acteurs.getByRole("option", { name: new RegExp(acteur) }).click();
  await expect(body.getByText(`@${acteur}`)).toBeVisible();

  // The toolbar's dialog, by keyboard only.
  await page.getByRole("button", { name: "Lier une fiche" }).click();
  const dialog = page.getByRole("dialog", { name: "Lier une fiche" });
  await expect(dialog.getByRole("combobox", { name: "Titre de la fiche à lier" })).toBeFocused();
  await page.keyboard.type(`ecrivains publics ${tag}`);
  await expect(dialog.getByRole("option", { name: new RegExp(autre) })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(body.getByText(autre)).toBeVisible();
  await expect(page.getByText("Enregistré", { exact: true })).toBeVisible();

  // The projection catches up within seconds: the links, then the backlinks.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await expect(async () => {
    await visitor.goto(`/fiches/${citanteSlug}`);
    await expect(visitor.getByRole("article").getByRole("link", { name: autre })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(visitor.getByRole("link", { name: cible, exact: true })).toHaveAttribute("href", `/fiches/${cibleSlug}`);
  await expect(visitor.getByRole("link", { name: acteur, exact: true })).toHaveAttribute("href", acteurPath);

  await visitor.goto(`/fiches/${cibleSlug}`);
  const citedIn = visitor.getByRole("region", { name: "Cité dans…" });
  await expect(citedIn.getByRole("link", { name: citante })).toHaveAttribute("href", `/fiches/${citanteSlug}`);
  await visitor.goto(`/fiches/${autreSlug}`);
  await expect(visitor.getByRole("region", { name: "Cité dans…" }).getByRole("link", { name: citante })).toBeVisible();
  await visitor.goto(acteurPath);
  await expect(visitor.getByRole("region", { name: "Cité dans…" }).getByRole("link", { name: citante })).toBeVisible();
  await expectNoSeriousA11yViolations(visitor);

  // Renaming the cited fiche breaks nothing: the link shows the new title.
  await page.goto(`/fiches/${cibleSlug}/modifier`);
  await page.getByRole("textbox", { name: "Titre de la fiche" }).fill(`Repair café de la Bastide ${tag}`);
  await expect(page.getByText("Enregistré", { exact: true })).toBeVisible();
  await expect(async () => {
    await visitor.goto(`/fiches/${citanteSlug}`);
    await expect(visitor.getByRole("link", { name: `Repair café de la Bastide ${tag}` })).toHaveAttribute("href", `/fiches/${cibleSlug}`, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  await Promise.all([close(), visitorContext.close()]);
});

test("a report reaches the moderation queue, and a moderator resolves it", async ({ browser }) => {
  const author = await newContributor(browser, "autrice");
  const titre = `Horaires de la médiathèque ${author.user.email.slice(8, 14)}`;
  const slug = await createPublishedFiche(author.page, titre);
  await author.close();

  const reporter = await newContributor(browser, "lecteur");
  await reporter.page.goto(`/fiches/${slug}`);
  await reporter.page.getByText("Signaler un problème").click();
  const motifs = reporter.page.getByRole("group", { name: "Quel est le problème ? (obligatoire)" });
  await expect(motifs.getByRole("radio")).toHaveCount(4);
  for (const label of ["Contenu inapproprié", "Information obsolète", "Erreurs", "Doublon d'une autre fiche"]) await expect(motifs.getByLabel(label)).toBeVisible();
  await reporter.page.getByLabel("Commentaire (facultatif)").fill("La médiathèque ouvre désormais le samedi matin.");
  await reporter.page.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(reporter.page.getByRole("link", { name: "Nature du problème : Choisissez la nature du problème." })).toBeVisible();
  await expect(reporter.page.getByLabel("Commentaire (facultatif)")).toHaveValue("La médiathèque ouvre désormais le samedi matin.");
  await motifs.getByLabel("Information obsolète").check();
  await reporter.page.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(reporter.page.getByRole("status").filter({ hasText: "Merci, votre signalement a été transmis aux modérateurs." })).toBeVisible();
  await expect(reporter.page.getByRole("navigation", { name: "Mon compte" }).getByRole("link", { name: "Modération" })).toHaveCount(0);
  await reporter.close();

  const moderator = await newModerator(browser);
  const mod = moderator.page;
  await mod.getByRole("navigation", { name: "Mon compte" }).getByRole("link", { name: "Modération" }).click();
  await expect(mod.getByRole("heading", { level: 1, name: "Modération" })).toBeVisible();
  const report = mod.getByRole("listitem").filter({ has: mod.getByRole("heading", { name: new RegExp(titre) }) });
  await expect(report).toContainText("Information obsolète");
  await expect(report).toContainText("La médiathèque ouvre désormais le samedi matin.");
  await expect(report).toContainText(reporter.user.name);
  await expect(report.getByRole("link", { name: titre })).toHaveAttribute("href", `/fiches/${slug}`);
  await expectNoSeriousA11yViolations(mod);

  await report.getByLabel("Note de résolution (facultatif)").fill("Horaires mis à jour sur la fiche.");
  await report.getByRole("button", { name: "Marquer comme résolu" }).click();
  await expect(mod.getByRole("status").filter({ hasText: "Le signalement est marqué comme résolu." })).toBeVisible();
  await expect(mod.getByRole("heading", { name: new RegExp(titre) })).toHaveCount(0);
  await mod.getByRole("link", { name: "Signalements résolus" }).click();
  const resolved = mod.getByRole("listitem").filter({ has: mod.getByRole("heading", { name: new RegExp(titre) }) });
  await expect(resolved).toContainText("Horaires mis à jour sur la fiche.");
  await expectNoSeriousA11yViolations(mod);
  await moderator.close();
});

test("a hidden fiche is not found by visitors nor by its author, and a merged one redirects to the other", async ({ browser, baseURL }) => {
  const author = await newContributor(browser, "auteur");
  const tag = author.user.email.slice(7, 13);
  const hiddenSlug = await createPublishedFiche(author.page, `Fiche à masquer ${tag}`);
  const duplicateSlug = await createPublishedFiche(author.page, `Atelier CV ${tag}`);
  const keptSlug = await createPublishedFiche(author.page, `Atelier CV et lettre de motivation ${tag}`);

  const moderator = await newModerator(browser);
  const mod = moderator.page;
  await mod.goto(`/fiches/${hiddenSlug}`);
  await mod.getByRole("region", { name: "Modération" }).getByRole("button", { name: "Masquer la fiche" }).click();
  await expect(mod.getByRole("status").filter({ hasText: "La fiche est masquée" })).toBeVisible();
  await expect(mod.getByRole("link", { name: `Fiche à masquer ${tag}` })).toBeVisible();
  await expectNoSeriousA11yViolations(mod);

  const visitor = await browser.newContext();
  const response = await visitor.request.get(`${baseURL}/fiches/${hiddenSlug}`);
  expect(response.status()).toBe(404);
  await author.page.goto(`/fiches/${hiddenSlug}`);
  await expect(author.page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
  await mod.goto(`/fiches/${hiddenSlug}`);
  await expect(mod.getByText("Cette fiche est masquée par la modération")).toBeVisible();

  await mod.goto(`/fiches/${duplicateSlug}`);
  const panel = mod.getByRole("region", { name: "Modération" });
  await panel.getByText("Fusionner avec…").click();
  await panel.getByRole("combobox", { name: "Fiche qui remplace celle-ci" }).fill(`lettre de motivation ${tag}`);
  await panel.getByRole("option", { name: new RegExp(`Atelier CV et lettre de motivation ${tag}`) }).click();
  await panel.getByRole("button", { name: "Fusionner", exact: true }).click();
  await expect(mod.getByRole("status").filter({ hasText: "Les fiches sont fusionnées" })).toBeVisible();

  const redirect = await visitor.request.get(`${baseURL}/fiches/${duplicateSlug}`, { maxRedirects: 0 });
  expect(redirect.status()).toBe(308);
  expect(redirect.headers().location).toBe(`/fiches/${keptSlug}?fusion=${duplicateSlug}`);
  const page = await visitor.newPage();
  await page.goto(`/fiches/${duplicateSlug}`);
  await expect(page).toHaveURL(new RegExp(`/fiches/${keptSlug}\\?fusion=`));
  await expect(page.getByRole("status").filter({ hasText: "Cette fiche (« Atelier CV" })).toContainText("a été fusionnée avec");

  await Promise.all([author.close(), moderator.close(), visitor.close()]);
});

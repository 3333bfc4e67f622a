import type { Browser, Locator, Page } from "@playwright/test";
import { createPublishedPratique, createUserWithCli, expect, expectNoSeriousA11yViolations, newUserData, signInAs, signUp, test, type TestUser } from "./fixtures";

/** A new contributor, signed in in a context of their own. */
async function newContributor(browser: Browser, prefix: string): Promise<{ page: Page; user: TestUser; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = newUserData(prefix);
  await signUp(page, user);
  return { page, user, close: () => context.close() };
}

/** A moderator created with the CLI, signed in in a context of their own. */
async function newModerator(browser: Browser): Promise<{ page: Page; user: TestUser; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = newUserData("moderatrice");
  createUserWithCli(user, "moderateur");
  await signInAs(page, user);
  return { page, user, close: () => context.close() };
}

/** Types a [[ link in the editor's body at the caret, picking `titre` among the fiches suggested for `query`. */
async function typeFicheLink(page: Page, query: string, titre: string): Promise<void> {
  const body = page.getByRole("textbox", { name: "Contenu de la fiche" });
  await page.keyboard.type(`[[${query}`);
  const fiches = page.getByRole("listbox", { name: "Fiches à lier" });
  await expect(fiches.getByRole("option", { name: new RegExp(titre) })).toBeVisible();
  await expect(body).toHaveAttribute("aria-activedescendant", /wiki-link-suggestions-list-\d+/);
  await page.keyboard.press("Enter");
  await expect(body.getByText(titre)).toBeVisible();
  await expect(fiches).toHaveCount(0);
}

/** Reloads a fiche's public page until the projection of its last edit shows `link`. */
async function waitForLink(page: Page, slug: string, link: Locator): Promise<void> {
  await expect(async () => {
    await page.goto(`/fiches/${slug}`);
    await expect(link).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

test("a [[ link and an @ mention typed in the editor link to their pages, which show where they are cited", async ({ browser }) => {
  const { page, user, close } = await newContributor(browser, "redactrice");
  const tag = user.email.slice(11, 17);
  const cible = `Repair café du Grand Parc ${tag}`;
  const citante = `Réemploi et réparation ${tag}`;
  const acteur = `Atelier Bricolo ${tag}`;

  await page.goto("/acteurs/nouveau");
  await page.getByLabel("Nom de l'organisation").fill(acteur);
  await page.getByLabel("Catégorie").selectOption({ label: "Acteur à but non lucratif" });
  await page.getByLabel("Type d'organisation").selectOption({ label: "Association" });
  await page.getByRole("button", { name: "Créer l'acteur" }).click();
  await expect(page.getByRole("heading", { level: 1, name: acteur })).toBeVisible();
  const acteurPath = new URL(page.url()).pathname;

  const cibleSlug = await createPublishedPratique(page, cible);
  const citanteSlug = await createPublishedPratique(page, citante);

  const body = page.getByRole("textbox", { name: "Contenu de la fiche" });
  await body.getByRole("paragraph").first().click();
  await page.keyboard.type("Voir aussi ");
  await typeFicheLink(page, "repair cafe", cible);
  await page.keyboard.type("avec @atelier bric");
  const acteurs = page.getByRole("listbox", { name: "Acteurs à mentionner" });
  await acteurs.getByRole("option", { name: new RegExp(acteur) }).click();
  await expect(body.getByText(`@${acteur}`)).toBeVisible();
  await expect(page.getByText("Enregistré", { exact: true })).toBeVisible();

  // The projection catches up within seconds: the links, then the backlinks.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await waitForLink(visitor, citanteSlug, visitor.getByRole("article").getByRole("link", { name: acteur, exact: true }));
  await expect(visitor.getByRole("link", { name: cible, exact: true })).toHaveAttribute("href", `/fiches/${cibleSlug}`);
  await expect(visitor.getByRole("link", { name: acteur, exact: true })).toHaveAttribute("href", acteurPath);

  await visitor.goto(`/fiches/${cibleSlug}`);
  const citedIn = visitor.getByRole("region", { name: "Cité dans…" });
  await expect(citedIn.getByRole("link", { name: citante })).toHaveAttribute("href", `/fiches/${citanteSlug}`);
  await visitor.goto(acteurPath);
  await expect(visitor.getByRole("region", { name: "Cité dans…" }).getByRole("link", { name: citante })).toBeVisible();
  await expectNoSeriousA11yViolations(visitor);

  await Promise.all([close(), visitorContext.close()]);
});

test("the toolbar's dialog links a fiche by keyboard only, and the linked fiche shows where it is cited", async ({ browser }) => {
  const { page, user, close } = await newContributor(browser, "redactrice");
  const tag = user.email.slice(11, 17);
  const autre = `Permanence des écrivains publics ${tag}`;
  const citante = `Réemploi et réparation ${tag}`;
  const autreSlug = await createPublishedPratique(page, autre);
  const citanteSlug = await createPublishedPratique(page, citante);

  const body = page.getByRole("textbox", { name: "Contenu de la fiche" });
  await body.getByRole("paragraph").first().click();
  await page.getByRole("button", { name: "Lier une fiche" }).click();
  const dialog = page.getByRole("dialog", { name: "Lier une fiche" });
  await expect(dialog.getByRole("combobox", { name: "Titre de la fiche à lier" })).toBeFocused();
  await page.keyboard.type(`ecrivains publics ${tag}`);
  await expect(dialog.getByRole("option", { name: new RegExp(autre) })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(body.getByText(autre)).toBeVisible();
  await expect(page.getByText("Enregistré", { exact: true })).toBeVisible();

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await waitForLink(visitor, citanteSlug, visitor.getByRole("article").getByRole("link", { name: autre }));
  await expect(visitor.getByRole("article").getByRole("link", { name: autre })).toHaveAttribute("href", `/fiches/${autreSlug}`);
  await visitor.goto(`/fiches/${autreSlug}`);
  await expect(visitor.getByRole("region", { name: "Cité dans…" }).getByRole("link", { name: citante })).toBeVisible();

  await Promise.all([close(), visitorContext.close()]);
});

test("renaming a cited fiche breaks no link: the links show its new title", async ({ browser }) => {
  const { page, user, close } = await newContributor(browser, "redactrice");
  const tag = user.email.slice(11, 17);
  const cible = `Repair café du Grand Parc ${tag}`;
  const cibleSlug = await createPublishedPratique(page, cible);
  const citanteSlug = await createPublishedPratique(page, `Réemploi et réparation ${tag}`);
  await page.getByRole("textbox", { name: "Contenu de la fiche" }).getByRole("paragraph").first().click();
  await typeFicheLink(page, "repair cafe", cible);
  await expect(page.getByText("Enregistré", { exact: true })).toBeVisible();

  // In a second tab: the first one keeps the link's editor open until its edit is stored.
  const renaming = await page.context().newPage();
  await renaming.goto(`/fiches/${cibleSlug}/modifier`);
  await renaming.getByRole("textbox", { name: "Titre de la fiche" }).fill(`Repair café de la Bastide ${tag}`);
  await expect(renaming.getByText("Enregistré", { exact: true })).toBeVisible();
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  const renamed = visitor.getByRole("article").getByRole("link", { name: `Repair café de la Bastide ${tag}` });
  await waitForLink(visitor, citanteSlug, renamed);
  await expect(renamed).toHaveAttribute("href", `/fiches/${cibleSlug}`);

  await Promise.all([close(), visitorContext.close()]);
});

test("a report reaches the moderation queue, and a moderator resolves it", async ({ browser }) => {
  const author = await newContributor(browser, "autrice");
  const titre = `Horaires de la médiathèque ${author.user.email.slice(8, 14)}`;
  const slug = await createPublishedPratique(author.page, titre);
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

test("a hidden fiche is found neither by visitors nor by its author, and moderators still see it", async ({ browser, baseURL }) => {
  const author = await newContributor(browser, "auteur");
  const titre = `Fiche à masquer ${author.user.email.slice(7, 13)}`;
  const slug = await createPublishedPratique(author.page, titre);

  const moderator = await newModerator(browser);
  const mod = moderator.page;
  await mod.goto(`/fiches/${slug}`);
  await mod.getByRole("region", { name: "Modération" }).getByRole("button", { name: "Masquer la fiche" }).click();
  await expect(mod.getByRole("status").filter({ hasText: "La fiche est masquée" })).toBeVisible();
  await expect(mod.getByRole("link", { name: titre })).toBeVisible();
  await expectNoSeriousA11yViolations(mod);

  const visitor = await browser.newContext();
  const response = await visitor.request.get(`${baseURL}/fiches/${slug}`);
  expect(response.status()).toBe(404);
  await author.page.goto(`/fiches/${slug}`);
  await expect(author.page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
  await mod.goto(`/fiches/${slug}`);
  await expect(mod.getByText("Cette fiche est masquée par la modération")).toBeVisible();

  await Promise.all([author.close(), moderator.close(), visitor.close()]);
});

test("a merged fiche redirects to the one that replaces it", async ({ browser, baseURL }) => {
  // A moderator merges any fiche: theirs will do.
  const moderator = await newModerator(browser);
  const mod = moderator.page;
  const tag = moderator.user.email.slice(12, 18);
  const duplicateSlug = await createPublishedPratique(mod, `Atelier CV ${tag}`);
  const keptSlug = await createPublishedPratique(mod, `Atelier CV et lettre de motivation ${tag}`);

  await mod.goto(`/fiches/${duplicateSlug}`);
  const panel = mod.getByRole("region", { name: "Modération" });
  await panel.getByText("Fusionner avec…").click();
  await panel.getByRole("combobox", { name: "Fiche qui remplace celle-ci" }).fill(`lettre de motivation ${tag}`);
  await panel.getByRole("option", { name: new RegExp(`Atelier CV et lettre de motivation ${tag}`) }).click();
  await panel.getByRole("button", { name: "Fusionner", exact: true }).click();
  await expect(mod.getByRole("status").filter({ hasText: "Les fiches sont fusionnées" })).toBeVisible();

  const visitor = await browser.newContext();
  const redirect = await visitor.request.get(`${baseURL}/fiches/${duplicateSlug}`, { maxRedirects: 0 });
  expect(redirect.status()).toBe(308);
  expect(redirect.headers().location).toBe(`/fiches/${keptSlug}?fusion=${duplicateSlug}`);
  const page = await visitor.newPage();
  await page.goto(`/fiches/${duplicateSlug}`);
  await expect(page).toHaveURL(new RegExp(`/fiches/${keptSlug}\\?fusion=`));
  await expect(page.getByRole("status").filter({ hasText: "Cette fiche (« Atelier CV" })).toContainText("a été fusionnée avec");

  await Promise.all([moderator.close(), visitor.close()]);
});

import { createPublishedPratique, expect, expectNoSeriousA11yViolations, newUserData, signOut, signUp, test, type TestUser } from "./fixtures";
import type { Page } from "@playwright/test";

/** Presents an organisation, of which the person becomes the first member; returns its name. */
async function createActeur(page: Page, user: TestUser): Promise<string> {
  const nom = `Médiathèque ${user.email.slice(8, 16)}`;
  await page.goto("/acteurs/nouveau");
  await page.getByLabel("Nom de l'organisation").fill(nom);
  await page.getByLabel("Catégorie").selectOption({ label: "Acteur à but non lucratif" });
  await page.getByLabel("Type d'organisation").selectOption({ label: "Association" });
  await page.getByRole("button", { name: "Créer l'acteur" }).click();
  await expect(page.getByRole("heading", { level: 1, name: nom })).toBeVisible();
  return nom;
}

test("a member declares that their acteur took up a pratique: it shows on the fiche, the acteur page and the list", async ({ page }) => {
  const member = newUserData("membre");
  const titre = `Permanence de quartier ${member.email.slice(6, 14)}`;
  await signUp(page, member);
  const acteur = await createActeur(page, member);
  const slug = await createPublishedPratique(page, titre);

  await page.goto(`/fiches/${slug}`);
  const section = page.getByRole("region", { name: "Ils l'ont reprise" });
  await expect(section.getByText("Aucun acteur n'a encore déclaré avoir repris cette pratique.")).toBeVisible();
  const open = section.getByRole("button", { name: "Nous l'avons reprise" });
  await expect(open).toHaveAttribute("aria-expanded", "false");
  await open.click();
  await expect(open).toHaveAttribute("aria-expanded", "true");
  const form = section.getByRole("form", { name: "Déclarer une reprise" });
  await expect(form.getByText(`Au nom de ${acteur}`)).toBeVisible();

  // Nothing typed, then a start in the future: each field says what is wrong.
  await form.getByRole("button", { name: "Déclarer la reprise" }).click();
  await expect(form.getByText("Certains champs sont à corriger.")).toBeVisible();
  await expect(form.getByText("La commune est obligatoire.", { exact: true }).last()).toBeVisible();
  await form.getByLabel("Commune").fill("Talence");
  await form.getByLabel("Depuis quand").fill("2099-01");
  await form.getByRole("button", { name: "Déclarer la reprise" }).click();
  await expect(form.getByText("Cette date est dans le futur : indiquez depuis quand l'action a lieu.").last()).toBeVisible();

  await form.getByLabel("Depuis quand").fill("2024-09");
  await form.getByLabel("Ce que vous avez changé").fill("Le samedi matin, avec la médiathèque.");
  await form.getByRole("button", { name: "Déclarer la reprise" }).click();
  await expect(section.getByRole("status")).toHaveText("Merci ! Votre reprise est maintenant affichée sur la fiche.");
  await expect(section.getByText("Reprise dans 1 commune.")).toBeVisible();
  await expect(section.getByRole("listitem").filter({ hasText: "à Talence, depuis septembre 2024" }).getByRole("link", { name: acteur })).toBeVisible();
  await expect(section.getByText("Ce qui a changé : Le samedi matin, avec la médiathèque.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await section.getByRole("link", { name: acteur }).click();
  const reprises = page.getByRole("region", { name: "Pratiques reprises" });
  await expect(reprises.getByRole("link", { name: titre })).toBeVisible();
  await expect(reprises.getByText("à Talence, depuis septembre 2024")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto("/fiches?reprise=oui");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: titre }) });
  await expect(card.getByText("Reprise dans 1 commune")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/recherche?q=${encodeURIComponent("permanence quartier")}&reprise=oui`);
  await expect(page.getByRole("checkbox", { name: /^Pratiques reprises/ })).toBeChecked();
  await expect(page.getByRole("link", { name: titre })).toBeVisible();

  await page.goto("/couverture");
  await expect(page.getByText(/\d+ reprises? déclarées? par des acteurs/)).toBeVisible();
  await page.getByRole("link", { name: "voir les pratiques reprises" }).click();
  await expect(page.getByRole("link", { name: titre })).toBeVisible();

  await page.goto(`/fiches/${slug}`);
  await page.getByRole("button", { name: `Retirer la reprise de ${acteur}` }).click();
  await expect(page.getByRole("region", { name: "Ils l'ont reprise" }).getByRole("status")).toHaveText("La reprise a été retirée.");
  await expect(page.getByText("Aucun acteur n'a encore déclaré avoir repris cette pratique.")).toBeVisible();
});

test("a visitor is told how to sign in; a person follows a fiche, then unfollows it from the list of follows", async ({ page }) => {
  const author = newUserData("auteur");
  const titre = `Café numérique ${author.email.slice(7, 15)}`;
  await signUp(page, author);
  const slug = await createPublishedPratique(page, titre);
  // The author follows what they wrote.
  await page.goto(`/fiches/${slug}`);
  await expect(page.getByRole("button", { name: "Suivre cette fiche" })).toHaveAttribute("aria-pressed", "true");
  await signOut(page);

  await page.goto(`/fiches/${slug}`);
  await expect(page.getByRole("link", { name: "Connectez-vous pour suivre" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Connectez-vous pour déclarer que vous l'avez reprise" })).toBeVisible();

  const reader = newUserData("lectrice");
  await signUp(page, reader);
  await page.goto(`/fiches/${slug}`);
  const follow = page.getByRole("button", { name: "Suivre cette fiche" });
  await expect(follow).toHaveAttribute("aria-pressed", "false");
  await follow.click();
  await expect(follow).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("Vous suivez cette fiche : vous serez prévenu de ses nouveautés.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Ils l'ont reprise" }).getByText(/votre compte doit être membre/)).toBeVisible();

  await page.goto("/compte");
  await page.getByRole("link", { name: "Les fiches, acteurs, thèmes et catalogues que je suis" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mes suivis" })).toBeVisible();
  const fiches = page.getByRole("region", { name: "Fiches" });
  await expect(fiches.getByRole("link", { name: titre })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await fiches.getByRole("button", { name: `Ne plus suivre « ${titre} »` }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Vous ne suivez plus ce contenu.");
  await expect(page.getByRole("link", { name: titre })).toHaveCount(0);

  await page.goto(`/fiches/${slug}`);
  await expect(page.getByRole("button", { name: "Suivre cette fiche" })).toHaveAttribute("aria-pressed", "false");
});

test("a person follows a theme from its page and finds it among their follows", async ({ page }) => {
  await signUp(page, newUserData("curieux"));
  await page.goto("/themes/sante");
  const follow = page.getByRole("button", { name: "Suivre ce thème" });
  await follow.click();
  await expect(follow).toHaveAttribute("aria-pressed", "true");
  await expectNoSeriousA11yViolations(page);
  await page.goto("/compte/suivis");
  await expect(page.getByRole("region", { name: "Thèmes" }).getByRole("link", { name: "Santé" })).toBeVisible();
  await page.goto("/couverture");
  await expectNoSeriousA11yViolations(page);
});

import { randomUUID } from "node:crypto";
import { createUserWithCli, expect, expectNoSeriousA11yViolations, formAlert, newUserData, signInAs, test } from "./fixtures";

test("a moderator imports a Markdown file after previewing it", async ({ page }) => {
  const moderator = newUserData("moderatrice");
  createUserWithCli(moderator, "moderateur");
  await signInAs(page, moderator);
  const id = randomUUID().slice(0, 8);
  const titre = `Café numérique du Grand Parc ${id}`;
  const markdown = [
    "# Pratiques observées",
    "",
    `## ${titre}`,
    "",
    "Acteurs : Association Grand Parc Numérique, Ville de Bordeaux",
    "Cible : Seniors du quartier",
    "Descriptif de l'action : Un café où des bénévoles aident chaque jeudi à utiliser son téléphone.",
    "→ https://exemple.fr/cafe-numerique",
    "",
    "# Idées à explorer",
    "",
    `## Ordinateurs prêtés à domicile ${id}`,
    "",
    "- Prêter un ordinateur reconditionné pendant un mois",
    "Acteur(s) : Bibliothèques",
    "Public concerné : Personnes isolées",
  ].join("\n");

  await page.goto("/moderation/import");
  await expect(page.getByRole("heading", { level: 1, name: "Importer des fiches" })).toBeVisible();
  await page.getByLabel("Fichier à importer").setInputFiles({ name: `fiches-${id}.md`, mimeType: "text/markdown", buffer: Buffer.from(markdown) });
  await page.getByRole("button", { name: "Prévisualiser l'import" }).click();

  await expect(page.getByRole("heading", { name: "Aperçu de l'import" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Ce que l'import va faire" })).toContainText("2 fiches à créer");
  await expect(page.getByRole("row", { name: new RegExp(titre) })).toContainText("À créer");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Confirmer l'import" }).click();
  await expect(page.getByRole("heading", { name: "Import terminé" })).toBeVisible();
  await page.getByRole("link", { name: titre }).click();
  await expect(page.getByRole("heading", { level: 1, name: titre })).toBeVisible();
  await expect(page.getByText("Un café où des bénévoles aident chaque jeudi")).toBeVisible();
  await expect(page.getByRole("link", { name: "Association Grand Parc Numérique" })).toBeVisible();
});

test("a broken file gets a precise French error and nothing is imported", async ({ page }) => {
  const moderator = newUserData("moderateur");
  createUserWithCli(moderator, "moderateur");
  await signInAs(page, moderator);
  await page.goto("/moderation/import");
  await page.getByLabel("Fichier à importer").setInputFiles({ name: "tableau.csv", mimeType: "text/csv", buffer: Buffer.from("nom;commune\nA;B\n") });
  await page.getByRole("button", { name: "Prévisualiser l'import" }).click();
  await expect(formAlert(page)).toContainText("« tableau.csv » est un fichier .csv");
  await page.getByLabel("Fichier à importer").setInputFiles({ name: "latin.md", mimeType: "text/markdown", buffer: Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x00, 0x41]) });
  await page.getByRole("button", { name: "Prévisualiser l'import" }).click();
  await expect(formAlert(page)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Aperçu de l'import" })).toHaveCount(0);
});

test("the wiki opens with the Livre blanc's fiches, crediting their source", async ({ page }) => {
  await page.goto("/fiches");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/fiches?type=pratique");
  await expect(page.getByText(/Pratiques observées/).first()).toBeVisible();
  await page.goto("/acteurs?q=fondation+orange");
  await page.getByRole("link", { name: "Fondation Orange" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Fondation Orange" })).toBeVisible();
  const firstFiche = page.getByRole("region", { name: "Fiches" }).getByRole("link").first();
  await firstFiche.click();
  await expect(page.getByText(/Livre blanc de la Solidarité numérique de Bordeaux/).first()).toBeVisible();
});

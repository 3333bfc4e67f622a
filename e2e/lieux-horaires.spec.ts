import { expect, expectNoSeriousA11yViolations, newUserData, signUp, test } from "./fixtures";
import { createActeurWithLieux, goOffline } from "./carte-helpers";

test("a member adds a lieu with opening hours typed in French, checks the reading, and the lieu shows it", async ({ page }) => {
  const user = newUserData("horaires");
  const id = user.email.slice(9, 17);
  await goOffline(page);
  await signUp(page, user);
  const acteurPath = await createActeurWithLieux(page, `Maison des horaires ${id}`, []);
  await page.goto(acteurPath);
  await page.getByRole("link", { name: /Ajouter (le premier|un) lieu/ }).first().click();
  await page.getByLabel("Nom du lieu").fill(`Permanence ${id}`);
  await page.getByLabel("Numéro et voie").fill("8 rue Armand Gayral");
  await page.getByLabel("Code postal").fill("33000");
  await page.getByLabel("Commune", { exact: false }).fill(`Horaireville ${id}`);
  await page.getByRole("group", { name: "Services proposés" }).getByLabel("Aide aux démarches administratives").check();

  const horaires = page.getByLabel("Horaires d'ouverture");
  const reading = page.getByRole("status", { name: "Lecture des horaires" });
  await horaires.fill("du lundi au vendredi de 9h à midi, lundi soir");
  await expect(reading).toContainText("Pas encore compris : « soir » n'est pas compris.");
  await horaires.fill("du lundi au vendredi de 9h à 12h");
  await expect(reading.getByRole("listitem")).toHaveText([/^Lundi au vendredi\s*:\s*9\s*h\s*–\s*12\s*h$/]);
  await expect(reading).toContainText("Enregistré au format OpenStreetMap : Mo-Fr 09:00-12:00");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Ajouter le lieu" }).click();
  await expect(page.getByText("Le lieu a été ajouté.")).toBeVisible();
  const lieu = page.getByRole("article", { name: `Permanence ${id}` });
  await expect(lieu).toContainText(/Lundi au vendredi\s*:\s*9\s*h\s*–\s*12\s*h/);
  await expect(lieu).not.toContainText("Mo-Fr");
});

test("a French error comes back on the field when the browser sends hours it cannot read", async ({ page }) => {
  const user = newUserData("horaires");
  const id = user.email.slice(9, 17);
  await goOffline(page);
  await signUp(page, user);
  const acteurPath = await createActeurWithLieux(page, `Relais des horaires ${id}`, []);
  await page.goto(`${acteurPath}/lieux/nouveau`);
  await page.getByLabel("Nom du lieu").fill(`Guichet ${id}`);
  await page.getByLabel("Numéro et voie").fill("1 place Pey Berland");
  await page.getByLabel("Code postal").fill("33000");
  await page.getByLabel("Commune", { exact: false }).fill(`Horaireville ${id}`);
  await page.getByRole("group", { name: "Services proposés" }).getByLabel("Aide aux démarches administratives").check();
  await page.getByLabel("Horaires d'ouverture").fill("samedi soir");
  await page.getByRole("button", { name: "Ajouter le lieu" }).click();
  const field = page.getByLabel("Horaires d'ouverture");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(/« soir » n'est pas compris\./);
  await expect(field).toHaveValue("samedi soir");
});

test("a map with no lieu to show explains how lieux get into the wiki", async ({ page }) => {
  await goOffline(page);
  // A commune no test creates: the filters leave no lieu, whatever the other tests added.
  await page.goto(`/carte?commune=${encodeURIComponent(`Nullepart ${Date.now()}`)}`);
  await expect(page.getByRole("status").filter({ hasText: "Aucun lieu" })).toHaveText("Aucun lieu ne correspond à ces filtres.");
  const how = page.getByRole("region", { name: "Comment les lieux arrivent sur le wiki" });
  await expect(how).toContainText("« Ajouter un lieu »");
  await expect(how.getByRole("link", { name: "Cartographie nationale des lieux d'inclusion numérique" })).toHaveAttribute("href", "https://cartographie.societenumerique.gouv.fr/");
  await expect(how.getByRole("link", { name: "« Lieux de médiation numérique »" })).toHaveAttribute("href", /^https:\/\/www\.data\.gouv\.fr\//);
  await how.getByRole("link", { name: "Importer des lieux" }).click();
  await expect(page).toHaveURL(/\/connexion\?retour=%2Fmoderation%2Fimport-lieux/);
});

import { expect, expectNoSeriousA11yViolations, newUserData, signUp, test } from "./fixtures";
import { createActeurWithLieux, goOffline } from "./carte-helpers";

test("the map's filters narrow the linked list and the markers, with no tile server reachable", async ({ page }) => {
  const user = newUserData("carte");
  const id = user.email.slice(6, 14);
  // A commune of this test only, so that other tests' lieux never mix in.
  const commune = `Carteville ${id}`;
  const nom = `Relais numérique ${id}`;
  await goOffline(page);
  await signUp(page, user);
  const acteurPath = await createActeurWithLieux(page, nom, [
    { nom: `Guichet ${id}`, adresse: "1 place Pey Berland", codePostal: "33000", commune, latitude: "44.8378", longitude: "-0.5772", services: ["Aide aux démarches administratives"] },
    { nom: `Atelier ${id}`, adresse: "40 quai des Chartrons", codePostal: "33000", commune, latitude: "44.8590", longitude: "-0.5650", services: ["Loisirs et créations numériques"] },
    { nom: `Permanence ${id}`, adresse: "3 rue Sans Coordonnées", codePostal: "33000", commune, services: ["Aide aux démarches administratives"] },
  ]);

  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Carte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Carte des lieux d'accueil" })).toBeVisible();
  await page.getByLabel("Commune").selectOption(commune);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "lieux correspondent" })).toHaveText("3 lieux correspondent à ces filtres, dont 2 placés sur la carte.");
  const list = page.getByRole("region", { name: "Liste des lieux" });
  for (const name of [`Guichet ${id}`, `Atelier ${id}`, `Permanence ${id}`]) await expect(list.getByRole("heading", { level: 3, name })).toBeVisible();
  await expect(list.getByText("Pas encore placé sur la carte.")).toHaveCount(1);
  // The markers stand on a blank background: the tiles failed, the page says so and goes on.
  await expect(page.locator(".leaflet-marker-icon").first()).toBeVisible();
  await expect(page.getByText("Le fond de carte n'a pas pu être chargé")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Service", { exact: true }).selectOption("Aide aux démarches administratives");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/service=Aide\+aux\+d%C3%A9marches\+administratives/);
  await expect(page.getByRole("status").filter({ hasText: "correspond" })).toHaveText("2 lieux correspondent à ces filtres, dont 1 placé sur la carte.");
  await expect(list.getByRole("heading", { level: 3, name: `Guichet ${id}` })).toBeVisible();
  await expect(list.getByRole("heading", { level: 3, name: `Permanence ${id}` })).toBeVisible();
  await expect(list.getByRole("heading", { level: 3, name: `Atelier ${id}` })).toHaveCount(0);
  // One lieu placed: one marker, not a cluster; its popup leads to the acteur.
  const marker = page.getByRole("button", { name: `Guichet ${id} (${nom})` });
  await expect(marker).toBeVisible();
  await expect(page.locator(".leaflet-marker-icon")).toHaveCount(1);

  await page.getByLabel("Service", { exact: true }).selectOption("Loisirs et créations numériques");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(list.getByRole("heading", { level: 3, name: `Atelier ${id}` })).toBeVisible();
  await expect(list.getByRole("heading", { level: 3, name: `Guichet ${id}` })).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Atelier ${id} (${nom})` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Markers are keyboard buttons too; pressing Enter does not depend on the map's zoom animation being over.
  await page.getByRole("button", { name: `Atelier ${id} (${nom})` }).press("Enter");
  const popup = page.locator(".leaflet-popup");
  await expect(popup.getByText("40 quai des Chartrons")).toBeVisible();
  await popup.getByRole("link", { name: nom }).click();
  await expect(page).toHaveURL(new RegExp(`${acteurPath}#lieu-\\d+$`));
  await expect(page.getByRole("heading", { level: 1, name: nom })).toBeVisible();
});

test("a hand-edited filter is refused in French and the others still apply; the list stays without the map", async ({ page }) => {
  await goOffline(page);
  await page.goto("/carte?service=R%C3%A9parer+les+v%C3%A9los&categorie=public");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("« Réparer les vélos » ne fait pas partie de la liste nationale des services.");
  await expect(page.getByLabel("Catégorie d'acteur")).toHaveValue("public");
  await expectNoSeriousA11yViolations(page);
});

test("a contributor places a lieu by clicking the map in the lieu form", async ({ page }) => {
  const user = newUserData("placeur");
  const id = user.email.slice(8, 16);
  await goOffline(page);
  await signUp(page, user);
  const acteurPath = await createActeurWithLieux(page, `Point relais ${id}`, []);
  await page.goto(`${acteurPath}/lieux/nouveau`);
  await page.getByLabel("Nom du lieu").fill(`Placé à la main ${id}`);
  await page.getByLabel("Numéro et voie").fill("8 rue Armand Gayral");
  await page.getByLabel("Code postal").fill("33000");
  await page.getByLabel("Commune", { exact: false }).fill(`Cliqueville ${id}`);
  await page.getByRole("group", { name: "Services proposés" }).getByLabel("Accès internet et matériel informatique").check();
  const picker = page.getByRole("region", { name: "Carte pour placer le lieu" });
  await expect(picker).toBeVisible();
  await expect(page.getByLabel("Latitude")).toHaveValue("");
  await picker.click({ position: { x: 120, y: 90 } });
  await expect(page.getByRole("status").filter({ hasText: "Lieu placé sur la carte" })).toBeVisible();
  const latitude = Number(await page.getByLabel("Latitude").inputValue());
  const longitude = Number(await page.getByLabel("Longitude").inputValue());
  // The map opens on Bordeaux: the click lands near it.
  expect(Math.abs(latitude - 44.84)).toBeLessThan(0.2);
  expect(Math.abs(longitude + 0.58)).toBeLessThan(0.3);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Ajouter le lieu" }).click();
  await expect(page.getByText("Le lieu a été ajouté.")).toBeVisible();

  await page.goto(`/carte?commune=${encodeURIComponent(`Cliqueville ${id}`)}`);
  await expect(page.getByRole("status").filter({ hasText: "correspond" })).toHaveText("1 lieu correspond à ces filtres, dont 1 placé sur la carte.");
  await expect(page.getByRole("button", { name: `Placé à la main ${id} (Point relais ${id})` })).toBeVisible();
});

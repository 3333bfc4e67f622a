import { expect, type Page } from "@playwright/test";

/** A lieu as typed in the lieu form; the lists take labels of the national schema. */
export type LieuData = {
  nom: string;
  adresse: string;
  codePostal: string;
  commune: string;
  latitude?: string;
  longitude?: string;
  telephone?: string;
  horaires?: string;
  services: string[];
  priseEnCharge?: string[];
  modalitesAcces?: string[];
};

/**
 * Keeps the page off the network beyond the wiki: the tests run as if no tile server (nor any
 * other site) were reachable.
 */
export async function goOffline(page: Page): Promise<void> {
  await page.context().route(/^https?:\/\/(?!localhost[:/])/, (route) => route.abort("internetdisconnected"));
}

/** Presents an acteur through the wiki's forms, then adds its lieux; returns the acteur's path. */
export async function createActeurWithLieux(page: Page, nom: string, lieux: LieuData[], acteur: { telephone?: string } = {}): Promise<string> {
  await page.goto("/acteurs/nouveau");
  await page.getByLabel("Nom de l'organisation").fill(nom);
  await page.getByLabel("Catégorie").selectOption({ label: "Acteur à but non lucratif" });
  await page.getByLabel("Type d'organisation").selectOption({ label: "Association" });
  if (acteur.telephone) await page.getByRole("textbox", { name: "Téléphone" }).fill(acteur.telephone);
  await page.getByRole("button", { name: "Créer l'acteur" }).click();
  await expect(page.getByRole("heading", { level: 1, name: nom })).toBeVisible();
  const acteurPath = new URL(page.url()).pathname;
  for (const lieu of lieux) {
    await page.goto(`${acteurPath}/lieux/nouveau`);
    await page.getByLabel("Nom du lieu").fill(lieu.nom);
    await page.getByLabel("Numéro et voie").fill(lieu.adresse);
    await page.getByLabel("Code postal").fill(lieu.codePostal);
    await page.getByLabel("Commune", { exact: false }).fill(lieu.commune);
    if (lieu.latitude) await page.getByLabel("Latitude").fill(lieu.latitude);
    if (lieu.longitude) await page.getByLabel("Longitude").fill(lieu.longitude);
    if (lieu.telephone) await page.getByRole("textbox", { name: "Téléphone" }).fill(lieu.telephone);
    if (lieu.horaires) await page.getByLabel("Horaires d'ouverture").fill(lieu.horaires);
    for (const service of lieu.services) await page.getByRole("group", { name: "Services proposés" }).getByLabel(service, { exact: true }).check();
    for (const support of lieu.priseEnCharge ?? []) await page.getByRole("group", { name: "Prise en charge spécifique" }).getByLabel(support, { exact: true }).check();
    for (const access of lieu.modalitesAcces ?? []) await page.getByRole("group", { name: "Modalités d'accès" }).getByLabel(access, { exact: true }).check();
    await page.getByRole("button", { name: "Ajouter le lieu" }).click();
    await expect(page.getByText("Le lieu a été ajouté.")).toBeVisible();
  }
  return acteurPath;
}

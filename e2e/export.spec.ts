import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import type { Download, Page } from "@playwright/test";
import { createUserWithCli, expect, expectNoSeriousA11yViolations, formAlert, newUserData, signInAs, test } from "./fixtures";

const LIEUX_HEADER =
  "id,pivot,nom,commune,code_postal,code_insee,adresse,complement_adresse,latitude,longitude,typologie,telephone,courriels,site_web," +
  "horaires,presentation_resume,presentation_detail,source,itinerance,structure_parente,date_maj,services,publics_specifiquement_adresses," +
  "prise_en_charge_specifique,frais_a_charge,dispositif_programmes_nationaux,formations_labels,autres_formations_labels,modalites_acces," +
  "modalites_accompagnement,fiche_acces_libre,prise_rdv";

/** A lieux CSV of the national schema with one lieu of a new organisation, unique to the test. */
function lieuxCsv(): { csv: string; acteur: string; lieu: string } {
  const id = randomUUID().slice(0, 8);
  const acteur = `Association Clic ${id}`;
  const lieu = `Atelier Clic ${id}`;
  const cells = [`clic-${id}`, "", lieu, "Bègles", "33130", "", "3 place du Marché", "", "44.8086", "-0.5478", "ASSO", "", "", "", "", "", "", "Test", "", acteur, "2024-05-02", "Aide aux démarches administratives"];
  return { csv: `${LIEUX_HEADER}\n${[...cells, ...Array(32 - cells.length).fill("")].join(",")}\n`, acteur, lieu };
}

/** Imports a lieux file with the CLI, as a territory's admin would on the server. */
function importLieuxWithCli(csv: string): void {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wiki-e2e-lieux-")), "lieux.csv");
  fs.writeFileSync(file, csv);
  execFileSync("npx", ["tsx", "server/cli.ts", "import-lieux", file], { env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR }, stdio: ["pipe", "pipe", "pipe"] });
}

async function download(page: Page, link: string): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  return { download, bytes: fs.readFileSync((await download.path())!) };
}

async function footerLicence(page: Page): Promise<string> {
  return (await page.getByRole("contentinfo").getByRole("link", { name: /Licence|Creative Commons/ }).textContent())!.trim();
}

test("a visitor downloads the lieux CSV of the national schema and the archive of every fiche from /export", async ({ page }) => {
  const { csv, acteur, lieu } = lieuxCsv();
  importLieuxWithCli(csv);

  await page.goto("/export");
  await expect(page.getByRole("heading", { level: 1, name: "Exporter le contenu" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const licence = await footerLicence(page);

  const lieux = await download(page, "Télécharger les lieux (CSV, schéma national)");
  expect(lieux.download.suggestedFilename()).toMatch(/^lieux-mediation-numerique-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = lieux.bytes.toString("utf8").split("\r\n");
  expect(lines[0]).toBe(LIEUX_HEADER);
  const row = lines.find((line) => line.includes(lieu));
  expect(row).toContain(`,00000000000000,${lieu},Bègles,33130,`);
  expect(row).toContain(`,${acteur},`);
  expect(row).toMatch(/,\d{4}-\d{2}-\d{2},Aide aux démarches administratives,/);

  const archive = await download(page, "Télécharger l'archive complète (.zip)");
  expect(archive.download.suggestedFilename()).toMatch(/^wiki-solidarite-numerique-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(archive.bytes));
  const readme = strFromU8(files["README.md"]);
  expect(readme).toContain(licence);
  expect(readme).toMatch(/Exporté le .+ \(\d{4}-\d{2}-\d{2}T/);
  const fiches = Object.keys(files).filter((name) => name.startsWith("fiches/") && name.endsWith(".md"));
  expect(fiches.length).toBeGreaterThan(0);
  expect(strFromU8(files[fiches[0]])).toMatch(/^---\ntitre: /);
  expect(JSON.parse(strFromU8(files["fiches.json"])).fiches).toHaveLength(fiches.length);
  expect(strFromU8(files["lieux.csv"])).toContain(lieu);

  // One fiche alone, from its page: the same Markdown as in the archive.
  const slug = fiches[0].slice("fiches/".length, -".md".length);
  await page.goto(`/fiches/${slug}`);
  const single = await download(page, "Télécharger la fiche en Markdown");
  expect(single.download.suggestedFilename()).toBe(`${slug}.md`);
  expect(single.bytes.toString("utf8")).toBe(strFromU8(files[fiches[0]]));

  // 320 px wide, nothing scrolls sideways.
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto("/export");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test("an admin chooses the content licence and sees it in the footer and the exports", async ({ page }) => {
  const admin = newUserData("admin");
  createUserWithCli(admin, "admin");
  await signInAs(page, admin);

  await page.goto("/admin");
  await page.getByRole("link", { name: "Licence du contenu" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Licence du contenu" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Licence du contenu").selectOption({ label: "Creative Commons Attribution - Partage dans les mêmes conditions 4.0 International (CC BY-SA 4.0)" });
  await page.getByRole("button", { name: "Enregistrer la licence" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("La licence du contenu est maintenant « Creative Commons Attribution - Partage dans les mêmes conditions 4.0 International (CC BY-SA 4.0) »");
  await expect(page.getByRole("contentinfo").getByRole("link", { name: /CC BY-SA 4\.0/ })).toHaveAttribute("href", "https://creativecommons.org/licenses/by-sa/4.0/deed.fr");

  await page.goto("/fiches");
  await expect(page.getByRole("contentinfo").getByRole("link", { name: /CC BY-SA 4\.0/ })).toBeVisible();
  const json = await page.request.get("/export/fiches.json");
  expect((await json.json()).licence.id).toBe("cc-by-sa-4.0");
  const csv = await page.request.get("/export/lieux.csv");
  expect(csv.headers()["link"]).toBe('<https://creativecommons.org/licenses/by-sa/4.0/deed.fr>; rel="license"');

  // Back to the default, chosen the same way.
  await page.goto("/admin/licence");
  await page.getByLabel("Licence du contenu").selectOption({ label: "Licence Ouverte 2.0 (Etalab)" });
  await page.getByRole("button", { name: "Enregistrer la licence" }).click();
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "Licence Ouverte 2.0 (Etalab)" })).toBeVisible();
});

test("a moderator imports a lieux CSV: a broken file is refused in French, a valid one is previewed then imported", async ({ page }) => {
  const moderator = newUserData("moderateur");
  createUserWithCli(moderator, "moderateur");
  await signInAs(page, moderator);
  await page.goto("/moderation/import-lieux");
  await expect(page.getByRole("heading", { level: 1, name: "Importer des lieux" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const { csv, acteur, lieu } = lieuxCsv();
  await page.getByLabel("Fichier CSV des lieux").setInputFiles({ name: "territoire.csv", mimeType: "text/csv", buffer: Buffer.from(csv.replace("prise_rdv", "prise_rdv_en_ligne")) });
  await page.getByRole("button", { name: "Prévisualiser l'import" }).click();
  await expect(formAlert(page)).toContainText("« territoire.csv » contient une colonne que le schéma des lieux de médiation numérique v1.0.2 ne prévoit pas : « prise_rdv_en_ligne »");
  await expect(page.getByLabel("Fichier CSV des lieux")).toBeFocused();

  await page.getByLabel("Fichier CSV des lieux").setInputFiles({ name: "territoire.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Prévisualiser l'import" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Aperçu de l'import de « territoire.csv »" })).toBeFocused();
  const table = page.getByRole("table", { name: "Lignes du fichier « territoire.csv »" });
  await expect(table.getByRole("row", { name: new RegExp(lieu) })).toContainText("À créer");
  await expectNoSeriousA11yViolations(page);
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  await page.getByRole("button", { name: "Confirmer l'import" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Import terminé" })).toBeFocused();
  await expect(page.getByRole("main").getByRole("status")).toContainText("« territoire.csv » est importé : 1 lieu créé, 0 lieu mis à jour, 1 acteur créé.");
  await page.getByRole("table").getByRole("link", { name: acteur }).click();
  await expect(page.getByRole("heading", { level: 1, name: acteur })).toBeVisible();
  await expect(page.getByRole("heading", { name: lieu })).toBeVisible();
});

// Last in this file, and no later spec downloads from /export: it uses up this address's allowance.
test("a visitor over the download limit is told why in French, with a way back to /export", async ({ page }) => {
  await page.goto("/export");
  const statuses = await page.evaluate(async () => {
    const seen: number[] = [];
    for (let i = 0; i < 25; i++) seen.push((await fetch("/export/acteurs.csv", { cache: "no-store" })).status);
    return seen;
  });
  expect(statuses).toContain(429);

  await page.getByRole("link", { name: "Télécharger les acteurs (CSV)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Téléchargement refusé" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText(/Trop de téléchargements depuis votre adresse : au plus \d+ en 10 minutes\. Réessayez dans \d+ minutes?\./);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Retour à la page des exports" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Exporter le contenu" })).toBeVisible();
});

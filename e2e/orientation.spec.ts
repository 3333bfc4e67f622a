import fs from "node:fs";
import { expect, expectNoSeriousA11yViolations, newUserData, signUp, test } from "./fixtures";
import { createActeurWithLieux, goOffline } from "./carte-helpers";
import { flattenStructure, pdfOutline, pdfStructureTree } from "./pdf-structure";
import { pdfText, pdfTitle } from "./pdf-text";

test("a mediator runs Vers qui se tourner ? from the need to the printed sheet", async ({ page }) => {
  const user = newUserData("mediateur");
  const id = user.email.slice(10, 18);
  const commune = `Orientville ${id}`;
  const nom = `Maison des services ${id}`;
  await goOffline(page);
  await signUp(page, user);
  await createActeurWithLieux(page, nom, [
    {
      nom: `Accueil sourds ${id}`,
      adresse: "5 rue des Signes",
      codePostal: "33130",
      commune,
      latitude: "44.8080",
      longitude: "-0.5480",
      telephone: "05 56 11 22 33",
      // Always open, so that "Ouvert maintenant" holds whenever the test runs.
      horaires: "Mo-Su 00:00-24:00",
      services: ["Aide aux démarches administratives"],
      priseEnCharge: ["Surdité"],
      modalitesAcces: ["Se présenter"],
    },
    {
      nom: `Guichet simple ${id}`,
      adresse: "9 rue du Port",
      codePostal: "33130",
      commune,
      latitude: "44.8090",
      longitude: "-0.5490",
      // No phone of its own: the orientation gives the acteur's.
      services: ["Aide aux démarches administratives"],
    },
    { nom: `Ludothèque ${id}`, adresse: "2 rue du Jeu", codePostal: "33130", commune, services: ["Loisirs et créations numériques"] },
  ], { telephone: "05 56 44 55 66" });

  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Vers qui se tourner ?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Vers qui se tourner ?" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Step 1, first without a choice: the error says what to do.
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByRole("main").getByRole("link", { name: "Le besoin : Choisissez ce que la personne cherche à faire." })).toBeVisible();
  await page.getByRole("radio", { name: "Aide aux démarches administratives" }).check();
  await page.getByRole("button", { name: "Continuer" }).click();

  // Step 2.
  await expect(page).toHaveURL(/etape=personne/);
  await expect(page.getByRole("heading", { level: 2, name: "Qui est la personne ?" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("group", { name: "Prise en charge spécifique" }).getByLabel("Surdité").check();
  await page.getByRole("button", { name: "Continuer" }).click();

  // Step 3, first with a lone latitude: refused, nothing lost.
  await expect(page).toHaveURL(/etape=lieu/);
  await expect(page.getByRole("heading", { level: 2, name: "Où la personne peut-elle se rendre ?" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Commune").selectOption(commune);
  await page.getByLabel("Latitude").fill("44.80");
  await page.getByRole("button", { name: "Voir vers qui se tourner" }).click();
  await expect(page.getByRole("main").getByRole("link", { name: "Longitude : Indiquez aussi la longitude, ou effacez la latitude." })).toBeVisible();
  await expect(page.getByLabel("Commune")).toHaveValue(commune);
  await page.getByLabel("Latitude").fill("");
  await page.getByRole("button", { name: "Voir vers qui se tourner" }).click();

  // The answer: the lieu that handles deafness first, with its reasons; the other one after.
  await expect(page).toHaveURL(/etape=resultats/);
  const proposals = page.getByRole("region", { name: "Les lieux à proposer" });
  await expect(proposals.getByRole("heading", { level: 3 }).first()).toHaveText(`1. Accueil sourds ${id}`);
  const first = proposals.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: `Accueil sourds ${id}` }) });
  await expect(first).toContainText(`Propose : Aide aux démarches administratives · Accueille : Surdité · À ${commune} · Ouvert maintenant`);
  const second = proposals.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: `Guichet simple ${id}` }) });
  await expect(second).toContainText(`Propose : Aide aux démarches administratives · À ${commune}`);
  await expect(second).toContainText(
    `Ne mentionne pas : Surdité. Pour savoir si la personne pourra être accompagnée, téléphonez à ${nom} au 05 56 44 55 66 avant de vous déplacer.`,
  );
  await expect(second).toContainText(`Horaires non renseignés : téléphonez à ${nom} au 05 56 44 55 66 avant de vous déplacer.`);
  await expect(second.getByRole("link", { name: "05 56 44 55 66" })).toHaveAttribute("href", "tel:0556445566");
  await expect(second.getByText(`Téléphone de ${nom}`)).toBeVisible();
  await expect(proposals.getByRole("heading", { level: 3, name: `Ludothèque ${id}` })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2, name: "Rien n'est enregistré" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Only the first lieu on the sheet.
  const resultsUrl = page.url();
  await proposals.getByRole("checkbox", { name: `Sur la fiche à imprimer : Guichet simple ${id}` }).uncheck();
  await page.getByRole("button", { name: "Imprimer la fiche d'orientation" }).click();
  await expect(page).toHaveURL(/\/orientation\/imprimer\?/);
  await expect(page.getByRole("heading", { level: 1, name: "Où trouver de l'aide : Aide aux démarches administratives" })).toBeVisible();
  const sheet = page.getByRole("article");
  await expect(sheet.getByRole("heading", { level: 2, name: `Accueil sourds ${id}` })).toBeVisible();
  await expect(sheet.getByText("05 56 11 22 33", { exact: true })).toBeVisible();
  await expect(sheet.getByText("Téléphonez au 05 56 11 22 33 avant de vous déplacer.")).toBeVisible();
  await expect(sheet.getByText("Tous les jours : 0 h – 24 h")).toBeVisible();
  await expect(sheet.getByText(`Guichet simple ${id}`)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Imprimer" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The same sheet as a tagged PDF, to send to the person's phone or print later.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger la fiche d'orientation (PDF)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^fiche-orientation-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = fs.readFileSync((await download.path())!);
  expect(pdfTitle(pdf)).toBe("Où trouver de l'aide : Aide aux démarches administratives");
  // The same lieux as the sheet on screen: other tests' lieux may answer the same need in the shared database.
  const sheetLieux = await sheet.getByRole("heading", { level: 2 }).allTextContents();
  expect(sheetLieux).toContain(`Accueil sourds ${id}`);
  const headings = flattenStructure(pdfStructureTree(pdf)).filter((e) => /^H\d$/.test(e.type));
  expect(headings.map((e) => `${e.type} ${e.text}`)).toEqual(["H1 Où trouver de l'aide : Aide aux démarches administratives", ...sheetLieux.map((lieu) => `H2 ${lieu}`)]);
  expect(pdfText(pdf).replace(/\s+/g, " ")).toContain("Téléphonez au 05 56 11 22 33 avant de vous déplacer.");
  expect(pdfText(pdf)).not.toContain(`Guichet simple ${id}`);
  expect(pdfOutline(pdf)).toEqual(sheetLieux.map((title) => ({ title, children: [] })));

  // The lieu without a phone of its own: the sheet gives its acteur's number, never a call without one.
  await page.goto(resultsUrl);
  await proposals.getByRole("checkbox", { name: `Sur la fiche à imprimer : Accueil sourds ${id}` }).uncheck();
  await page.getByRole("button", { name: "Imprimer la fiche d'orientation" }).click();
  await expect(sheet.getByRole("heading", { level: 2, name: `Guichet simple ${id}` })).toBeVisible();
  await expect(sheet.getByText(`Téléphone de ${nom}`)).toBeVisible();
  await expect(sheet.getByText("05 56 44 55 66", { exact: true })).toBeVisible();
  await expect(sheet.getByText(`Téléphonez à ${nom} au 05 56 44 55 66 avant de vous déplacer.`)).toBeVisible();
  await expect(sheet).not.toContainText(/téléphonez (?!à |au )/i);

  // Printed: no site chrome, no buttons, large type.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("contentinfo")).toBeHidden();
  await expect(page.getByRole("button", { name: "Imprimer" })).toBeHidden();
  const fontSize = await sheet.locator("dd").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  // 16 pt is 21.33 CSS pixels.
  expect(fontSize).toBeGreaterThanOrEqual(21.3);

  // A PDF asked for without a need comes back to the sheet's page, which says what is missing.
  await page.emulateMedia({ media: "screen" });
  await page.goto("/orientation/imprimer/pdf?etape=resultats");
  await expect(page).toHaveURL(/\/orientation\/imprimer\?etape=resultats$/);
  await expect(page.getByRole("heading", { level: 1, name: "La fiche d'orientation ne peut pas être préparée" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Choisissez ce que la personne cherche à faire.");
});

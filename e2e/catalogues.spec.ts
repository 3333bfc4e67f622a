import fs from "node:fs";
import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, formAlert, newUserData, signUp, test } from "./fixtures";
import { flattenStructure, pdfStructureTree } from "./pdf-structure";
import { pdfText, pdfTitle } from "./pdf-text";

// The wiki's first start imports the Livre blanc's published fiches: catalogues are built from them.
const FICHES = { papis: "Les Papi's à Brest", numeclic: "Numéclic", fobagra: "Fobagra", pictolire: "Pictolire" };

// The editor's live region, which announces each move (forms have status messages of their own).
const status = (page: Page) => page.locator(".catalogue-structure__status");

/** Creates a catalogue from /catalogues and lands on its editor. */
async function createCatalogue(page: Page, titre: string): Promise<void> {
  await page.goto("/catalogues");
  await page.getByRole("link", { name: "Créer un catalogue" }).click();
  await page.getByLabel("Titre du catalogue").fill(titre);
  await page.getByLabel("Description").fill("Deux modules pour accueillir et orienter les personnes éloignées du numérique.");
  await page.getByLabel("Public visé").fill("Bénévoles des centres sociaux");
  await page.getByLabel("Objectifs").fill("Savoir accueillir une personne et l'orienter vers le bon lieu.");
  await page.getByLabel("Durée de la formation").fill("2 jours");
  await page.getByRole("button", { name: "Créer le catalogue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Modifier « ${titre} »` })).toBeVisible();
}

async function addModule(page: Page, titre: string): Promise<void> {
  await page.getByLabel("Titre du nouveau module").fill(titre);
  await page.getByRole("button", { name: "Ajouter le module" }).click();
  await expect(page.getByText(`Le module « ${titre} » a été ajouté.`)).toBeVisible();
}

/** Adds a fiche found by typing part of its title, choosing it from the suggestions with the keyboard. */
async function addFiche(page: Page, moduleLabel: string, search: string, titre: string, note = ""): Promise<void> {
  await page.getByLabel("Ajouter dans le module").selectOption({ label: moduleLabel });
  const picker = page.getByRole("combobox", { name: "Fiche à ajouter" });
  await picker.fill(search);
  await expect(page.getByRole("option", { name: new RegExp(`^${titre}`) })).toBeVisible();
  await picker.press("ArrowDown");
  await picker.press("Enter");
  await expect(picker).toHaveValue(titre);
  if (note) await page.getByLabel("Note du formateur", { exact: true }).fill(note);
  await page.getByLabel("Durée prévue pour cette fiche").fill("45 min");
  await page.getByRole("button", { name: "Ajouter la fiche" }).click();
  await expect(page.getByText(`« ${titre} » a été ajoutée au module.`)).toBeVisible();
}

/** The titles of the fiches of each module of the editor, in order. */
async function editorLayout(page: Page): Promise<string[][]> {
  const modules = page.locator(".catalogue-modules > li");
  const layout: string[][] = [];
  for (let m = 0; m < (await modules.count()); m++) layout.push(await modules.nth(m).locator(".catalogue-item__titre").allInnerTexts());
  return layout;
}

/** A published catalogue of two modules, built through the editor. */
async function buildPublishedCatalogue(page: Page, titre: string): Promise<void> {
  await createCatalogue(page, titre);
  await addModule(page, "Accueillir la personne");
  await addModule(page, "Orienter vers les bons lieux");
  await addFiche(page, "Module 1 : Accueillir la personne", "papi", FICHES.papis, "Pour montrer un réseau de points d'accès.");
  await addFiche(page, "Module 2 : Orienter vers les bons lieux", "numecl", FICHES.numeclic);
  await page.getByRole("button", { name: "Publier le catalogue" }).click();
  await expect(page.getByText("Le catalogue est publié")).toBeVisible();
}

test("a trainer builds a catalogue in modules, reorders it from the keyboard and publishes it; another trainer duplicates it", async ({ page, browser }) => {
  const trainer = newUserData("formatrice");
  const titre = `Former les bénévoles à l'accompagnement numérique ${trainer.email.slice(11, 19)}`;
  await signUp(page, trainer);
  await createCatalogue(page, titre);
  await expect(page.getByText("Le catalogue a été créé.")).toBeVisible();

  // An empty catalogue cannot be published, and nothing else changes.
  await page.getByRole("button", { name: "Publier le catalogue" }).click();
  await expect(formAlert(page).filter({ hasText: "Ajoutez au moins une fiche à un module avant de publier le catalogue." })).toBeVisible();

  await addModule(page, "Accueillir la personne");
  await addModule(page, "Orienter vers les bons lieux");
  // A fiche must be chosen among the suggestions: a typed title alone is refused, and kept.
  await page.getByRole("combobox", { name: "Fiche à ajouter" }).fill("Une fiche qui n'existe pas");
  await page.getByRole("button", { name: "Ajouter la fiche" }).click();
  await expect(page.getByRole("link", { name: "Fiche à ajouter : Choisissez une fiche dans la liste des suggestions." })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Fiche à ajouter" })).toHaveValue("Une fiche qui n'existe pas");

  await addFiche(page, "Module 1 : Accueillir la personne", "papi", FICHES.papis, "Un réseau de points d'accès au plus près des habitants.");
  await addFiche(page, "Module 1 : Accueillir la personne", "numeclic", FICHES.numeclic);
  await addFiche(page, "Module 2 : Orienter vers les bons lieux", "fobagra", FICHES.fobagra);
  expect(await editorLayout(page)).toEqual([[FICHES.papis, FICHES.numeclic], [FICHES.fobagra]]);

  // The keyboard alternative to drag and drop, in each row's options: the focus stays on the button that was pressed.
  await expect(page.getByRole("button", { name: `Monter ${FICHES.numeclic}` })).toHaveCount(0);
  for (const titre of [FICHES.numeclic, FICHES.fobagra, FICHES.papis]) await page.getByRole("button", { name: `Options de ${titre}` }).click();
  const up = page.getByRole("button", { name: `Monter ${FICHES.numeclic}` });
  await up.focus();
  await page.keyboard.press("Enter");
  await expect(status(page)).toHaveText(`« ${FICHES.numeclic} » : position 1 sur 2 du module « Accueillir la personne ».`);
  await expect(up).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(status(page)).toHaveText(`« ${FICHES.numeclic} » est déjà en première position du catalogue.`);

  // Without a chosen module the button says so (aria-disabled keeps it focusable).
  await page.getByRole("button", { name: `Déplacer ${FICHES.fobagra}`, exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(formAlert(page).filter({ hasText: `Choisissez d'abord le module où déplacer « ${FICHES.fobagra} ».` })).toBeVisible();
  await page.getByLabel(`Déplacer ${FICHES.fobagra} vers le module`).selectOption({ label: "Accueillir la personne" });
  await page.getByRole("button", { name: `Déplacer ${FICHES.fobagra}`, exact: true }).click();
  await expect(status(page)).toHaveText(`« ${FICHES.fobagra} » : position 3 sur 3 du module « Accueillir la personne ».`);
  await page.getByRole("button", { name: `Descendre ${FICHES.papis}` }).click();
  await expect(status(page)).toHaveText(`« ${FICHES.papis} » : position 3 sur 3 du module « Accueillir la personne ».`);
  await page.getByRole("button", { name: "Descendre le module Accueillir la personne" }).click();
  await expect(status(page)).toHaveText("Le module « Accueillir la personne » est maintenant en position 2 sur 2.");
  await expect(page.getByRole("button", { name: "Descendre le module Accueillir la personne" })).toBeFocused();
  expect(await editorLayout(page)).toEqual([[], [FICHES.numeclic, FICHES.fobagra, FICHES.papis]]);
  // The order is the server's: it survives a reload.
  await page.reload();
  expect(await editorLayout(page)).toEqual([[], [FICHES.numeclic, FICHES.fobagra, FICHES.papis]]);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Publier le catalogue" }).click();
  await expect(page.getByText("Le catalogue est publié : tout le monde peut le lire, l'imprimer et le dupliquer.")).toBeVisible();
  await page.getByRole("link", { name: "Voir la page du catalogue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: titre })).toBeVisible();
  const modules = page.getByRole("main").getByRole("heading", { level: 2 });
  await expect(modules).toHaveText(["Module 1 Orienter vers les bons lieux", "Module 2 Accueillir la personne"]);
  await expect(page.getByRole("main").getByRole("heading", { level: 3 })).toHaveText([FICHES.numeclic, FICHES.fobagra, FICHES.papis]);
  await expect(page.getByText("Un réseau de points d'accès au plus près des habitants.")).toBeVisible();
  await expect(page.getByRole("link", { name: FICHES.papis })).toHaveAttribute("href", "/fiches/les-papi-s-a-brest");
  await expectNoSeriousA11yViolations(page);
  const catalogueUrl = new URL(page.url()).pathname;

  // Another trainer finds it, accents left out, and makes their own copy to adapt.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signUp(other, newUserData("formateur"));
  await other.goto("/catalogues");
  await other.getByLabel("Rechercher un catalogue").fill(`benevoles ACCOMPAGNEMENT ${trainer.email.slice(11, 19)}`);
  await other.getByRole("main").getByRole("button", { name: "Rechercher" }).click();
  await expect(other.getByText("1 catalogue public pour")).toBeVisible();
  await expectNoSeriousA11yViolations(other);
  await other.getByRole("link", { name: titre }).click();
  await other.getByRole("button", { name: "Dupliquer pour l'adapter" }).click();
  // The copy opens in its editor, its provisional title selected, ready to be typed over.
  await expect(other.getByText("Votre copie est prête.")).toBeVisible();
  await expect(other.getByRole("heading", { level: 1, name: `Modifier « ${titre} (copie) »` })).toBeVisible();
  const copyTitre = other.getByLabel("Titre du catalogue");
  await expect(copyTitre).toBeFocused();
  await expect(copyTitre).toHaveValue(`${titre} (copie)`);
  await expect(copyTitre).toHaveAccessibleDescription(/renommez votre copie/);
  await other.keyboard.type(`${titre} à Brest`);
  await other.getByRole("button", { name: "Enregistrer la présentation" }).click();
  await expect(other.getByText("Modifications enregistrées.")).toBeVisible();
  await expect(other.getByRole("heading", { level: 1, name: `Modifier « ${titre} à Brest »` })).toBeVisible();
  await other.getByRole("link", { name: "Voir la page du catalogue" }).click();
  await expect(other).not.toHaveURL(new RegExp(`${catalogueUrl}$`));
  await expect(other.getByRole("heading", { level: 1, name: `${titre} à Brest` })).toBeVisible();
  await expect(other.getByText(`Adapté de « ${titre} »`)).toBeVisible();
  await expect(other.getByRole("link", { name: titre })).toHaveAttribute("href", catalogueUrl);
  await expect(other.getByRole("list", { name: "État du catalogue" })).toHaveText("Brouillon");
  await expect(other.getByRole("main").getByRole("heading", { level: 3 })).toHaveText([FICHES.numeclic, FICHES.fobagra, FICHES.papis]);
  await expect(other.getByRole("link", { name: "Modifier" })).toBeVisible();
  await otherContext.close();
});

test("a public catalogue prints on A4 with its cover and table of contents, and downloads as a PDF", async ({ page, browser }) => {
  const trainer = newUserData("formatrice");
  const titre = `Parcours d'accueil numérique ${trainer.email.slice(11, 19)}`;
  await signUp(page, trainer);
  await buildPublishedCatalogue(page, titre);
  await page.getByRole("link", { name: "Voir la page du catalogue" }).click();

  await page.getByRole("link", { name: "Imprimer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: titre })).toBeVisible();
  const toc = page.getByRole("navigation", { name: "Sommaire" });
  await expect(toc.getByRole("link")).toHaveText([
    "Module 1 · Accueillir la personne",
    FICHES.papis,
    "Module 2 · Orienter vers les bons lieux",
    FICHES.numeclic,
    "Sources et licence",
  ]);
  await toc.getByRole("link", { name: FICHES.numeclic }).click();
  await expect(page).toHaveURL(/#fiche-\d+$/);
  await expect(page.getByRole("article", { name: FICHES.numeclic })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Sources et licence" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Sources et licence" }).getByRole("link", { name: "Licence Ouverte 2.0 (Etalab)" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // "Imprimer ce catalogue" opens the browser's print dialog; in print, the site's header and footer go.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await page.getByRole("button", { name: "Imprimer ce catalogue" }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("contentinfo")).toBeHidden();
  await expect(page.getByRole("button", { name: "Imprimer ce catalogue" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: titre })).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  await page.getByRole("link", { name: "Retour au catalogue" }).click();
  const pdfLink = page.getByRole("link", { name: "Télécharger en PDF" });
  const downloading = page.waitForEvent("download");
  await pdfLink.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^parcours-d-accueil-numerique-.+\.pdf$/);
  const pdf = fs.readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdfTitle(pdf)).toBe(titre);
  expect(flattenStructure(pdfStructureTree(pdf)).find((e) => e.type === "H1")?.text).toBe(titre);
  const text = pdfText(pdf).replace(/\s+/g, " ");
  expect(text).toContain(titre);
  expect(text).toMatch(/Sommaire Module 1 · Accueillir la personne 3 Les Papi's à Brest 3 Module 2 · Orienter vers les bons lieux \d+ Numéclic \d+ Sources et licence \d+/);
  expect(text).toContain("Note du formateur : Pour montrer un réseau de points d'accès.");

  const response = await page.request.get((await pdfLink.getAttribute("href"))!);
  expect(response.headers()["content-type"]).toBe("application/pdf");

  // A draft stays with its owners: no page and no PDF for a visitor.
  await createCatalogue(page, `Brouillon ${titre}`);
  const draftPath = new URL(page.url()).pathname.replace(/\/modifier$/, "");
  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  expect((await visitorPage.request.get(`${draftPath}/pdf`)).status()).toBe(404);
  await visitorPage.goto(draftPath);
  await expect(visitorPage.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
  await visitor.close();
});

test("modules added in quick succession are all kept, in the order they were typed", async ({ page }) => {
  const trainer = newUserData("formatrice");
  await signUp(page, trainer);
  await createCatalogue(page, `Dix modules ${trainer.email.slice(10, 18)}`);
  const titres = Array.from({ length: 10 }, (_, n) => `Séance ${n + 1}`);
  // No waiting for the server between two adds: the field is free again as soon as one is sent.
  for (const titre of titres) {
    await page.getByLabel("Titre du nouveau module").fill(titre);
    await page.getByRole("button", { name: "Ajouter le module" }).click();
  }
  const headings = page.locator(".catalogue-modules > li h3");
  await expect(headings).toHaveText(titres.map((titre, n) => `Module ${n + 1} ${titre}`));
  await expect(page.getByRole("status").filter({ hasText: "Le module « Séance 10 » a été ajouté." })).toBeVisible();
  await expect(page.getByLabel("Titre du nouveau module")).toHaveValue("");
  await page.reload();
  await expect(headings).toHaveText(titres.map((titre, n) => `Module ${n + 1} ${titre}`));
});

test("a trainer reorders fiches and modules by drag and drop", async ({ page }) => {
  const trainer = newUserData("formateur");
  await signUp(page, trainer);
  await buildPublishedCatalogue(page, `Glisser-déposer ${trainer.email.slice(10, 18)}`);
  await addFiche(page, "Module 1 : Accueillir la personne", "pictolire", FICHES.pictolire);
  expect(await editorLayout(page)).toEqual([[FICHES.papis, FICHES.pictolire], [FICHES.numeclic]]);
  // Playwright's synthetic drag cannot scroll the page on the way: keep the modules on screen.
  await page.setViewportSize({ width: 1280, height: 3000 });
  await page.getByRole("navigation", { name: "Sur cette page" }).getByRole("link", { name: "Modules et fiches" }).click();

  const row = (titre: string) => page.locator(".catalogue-item").filter({ has: page.getByRole("heading", { level: 4, name: titre }) });
  // Dropped on the upper half of a row, a fiche goes before it, in its module.
  await row(FICHES.numeclic).getByTitle("Glisser pour déplacer la fiche").dragTo(row(FICHES.papis), { targetPosition: { x: 40, y: 4 } });
  await expect(status(page)).toHaveText(`« ${FICHES.numeclic} » : position 1 sur 3 du module « Accueillir la personne ».`);
  expect(await editorLayout(page)).toEqual([[FICHES.numeclic, FICHES.papis, FICHES.pictolire], []]);

  const moduleItem = (titre: string) => page.locator(".catalogue-module").filter({ has: page.getByRole("heading", { level: 3, name: titre }) });
  await moduleItem("Orienter vers les bons lieux").getByTitle("Glisser pour déplacer le module").dragTo(moduleItem("Accueillir la personne"), { targetPosition: { x: 40, y: 4 } });
  await expect(status(page)).toHaveText("Le module « Orienter vers les bons lieux » est maintenant en position 1 sur 2.");
  await page.reload();
  expect(await editorLayout(page)).toEqual([[], [FICHES.numeclic, FICHES.papis, FICHES.pictolire]]);
});

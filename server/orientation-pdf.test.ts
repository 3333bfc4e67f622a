import { describe, expect, it } from "vitest";
import { buildActeur, buildLieu } from "@/db/factories";
import { getTestDb } from "@/db/testing";
import { PdfFile, decodeText, nameOf } from "@/e2e/pdf-objects";
import { flattenStructure, pdfFontsInfo, pdfOutline, pdfStructureTree, pdfXmp } from "@/e2e/pdf-structure";
import { pdfPageRuns, pdfText, pdfTitle } from "@/e2e/pdf-text";
import { SERVICE_NEEDS } from "@/lib/orientation/needs";
import { orient } from "./orientation";
import { renderOrientationPdf } from "./orientation-pdf";

const db = getTestDb();
// Monday 6 January 2025, 10:00 in Paris.
const MONDAY_10H = new Date("2025-01-06T09:00:00Z");
const need = SERVICE_NEEDS.find((n) => n.kind === "service" && n.service === "Aide aux démarches administratives")!;

async function buildSheet() {
  const acteur = buildActeur({ nom: "Maison des services", telephone: "05 56 44 55 66" });
  buildLieu(acteur.id, {
    nom: "Accueil sourds",
    adresse: "5 rue des Signes",
    codePostal: "33130",
    commune: "Bègles",
    telephone: "05 56 11 22 33",
    courriels: ["accueil@exemple.fr"],
    siteWeb: ["https://accueil.exemple.fr/"],
    horaires: "Mo-Fr 09:00-12:00",
    services: ["Aide aux démarches administratives"],
    priseEnChargeSpecifique: ["Surdité"],
  });
  // No way to be reached of its own: the sheet gives its acteur's phone.
  buildLieu(acteur.id, { nom: "Guichet simple", adresse: "9 rue du Port", codePostal: "33130", commune: "Bègles", services: ["Aide aux démarches administratives"] });
  const { matches } = orient(db, { need, publics: [], supports: ["Surdité"] }, MONDAY_10H);
  return new PdfFile(await renderOrientationPdf({ need, matches, date: MONDAY_10H, fromPoint: false }));
}

// Every lieu offering the service is ranked: the tests share one sheet rather than adding lieux each.
const sheet = buildSheet();

describe("renderOrientationPdf", () => {
  it("is a tagged PDF/UA document in French with embedded fonts, titled after the need", async () => {
    const file = await sheet;
    expect(pdfTitle(file)).toBe("Où trouver de l'aide : Aide aux démarches administratives");
    expect(file.get(file.catalog.get("MarkInfo"), "Marked")).toBe(true);
    expect(decodeText(file.catalog.get("Lang")!)).toBe("fr-FR");
    expect(file.get(file.catalog.get("ViewerPreferences"), "DisplayDocTitle")).toBe(true);
    expect(pdfXmp(file)).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    const fonts = pdfFontsInfo(file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded && f.name.includes("AtkinsonHyperlegible"))).toBe(true);
    expect(pdfText(file)).not.toContain("\ufffd");
  });

  it("reads in order: the need, then each lieu with its rows as a list, the contact means as links", async () => {
    const file = await sheet;
    const tree = pdfStructureTree(file);
    const [document] = tree.children;
    const elements = flattenStructure(document);
    expect(elements.filter((e) => /^H\d$/.test(e.type)).map((e) => `${e.type} ${e.text}`)).toEqual([
      "H1 Où trouver de l'aide : Aide aux démarches administratives",
      "H2 Accueil sourds",
      "H2 Guichet simple",
    ]);
    expect(document.children.map((c) => c.type)).toEqual(["Sect", "Sect", "Sect", "P"]);
    expect(document.children[0].children.map((c) => `${c.type} ${c.text}`)).toEqual([
      "P Fiche d'orientation du 6 janvier 2025",
      "H1 Où trouver de l'aide : Aide aux démarches administratives",
      "P Voici 2 lieux où l'on peut vous aider, avec la façon de les joindre avant de vous déplacer.",
    ]);

    const [first, second] = document.children.slice(1);
    expect(first.children.map((c) => c.type)).toEqual(["H2", "P", "L"]);
    // Hours are written with no-break spaces (« 9 h »): compared as plain spaces.
    const rows = first.children[2].children.map((li) => li.children.map((c) => `${c.type} ${c.text.replace(/\u00a0/g, " ")}`));
    expect(rows).toEqual([
      ["Lbl Adresse", "LBody 5 rue des Signes 33130 Bègles"],
      ["Lbl Téléphone", "LBody 05 56 11 22 33"],
      ["Lbl Courriel", "LBody accueil@exemple.fr"],
      ["Lbl Site web", "LBody accueil.exemple.fr"],
      ["Lbl Horaires", "LBody Lundi au vendredi : 9 h – 12 h"],
      ["Lbl En cas de doute", "LBody Téléphonez au 05 56 11 22 33 avant de vous déplacer."],
      ["Lbl Accueille", "LBody Surdité"],
    ]);
    const links = flattenStructure(first).filter((e) => e.type === "Link");
    const targets = links.map((l) => decodeText(file.get(file.get(l.annotations[0], "A"), "URI")!));
    expect(targets).toEqual(["tel:0556112233", "mailto:accueil@exemple.fr", "https://accueil.exemple.fr/"]);
    expect(links.map((l) => decodeText(l.annotations[0].get("Contents")!))).toEqual(["Appeler le 05 56 11 22 33", "Écrire à accueil@exemple.fr", "Site web accueil.exemple.fr"]);
    expect(links.every((l) => nameOf(l.annotations[0].get("Subtype")) === "Link")).toBe(true);

    const secondRows = second.children[2].children.map((li) => li.children.map((c) => c.text));
    expect(secondRows).toContainEqual(["Téléphone de Maison des services", "05 56 44 55 66"]);
    expect(secondRows).toContainEqual(["Horaires", "Non indiqués."]);
    expect(secondRows).toContainEqual(["En cas de doute", "Téléphonez à Maison des services au 05 56 44 55 66 avant de vous déplacer."]);
  });

  it("has one bookmark per lieu, and page numbers only as artifacts", async () => {
    const file = await sheet;
    expect(pdfOutline(file)).toEqual([
      { title: "Accueil sourds", children: [] },
      { title: "Guichet simple", children: [] },
    ]);
    const pages = pdfPageRuns(file);
    expect(pages.flat().filter((run) => run.mcid === null && !run.artifact)).toEqual([]);
    expect(pages.map((runs) => runs.filter((run) => run.artifact).map((run) => run.text))).toEqual(
      pages.map((_, i) => [`Fiche d'orientation du 6 janvier 2025 · page ${i + 1} sur ${pages.length}`]),
    );
    const texts = flattenStructure(pdfStructureTree(file)).map((e) => e.text);
    expect(texts.some((text) => /page \d+ sur/.test(text))).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { getCatalogueBySlug } from "@/db/queries/catalogue";
import { getTestDb } from "@/db/testing";
import { fiche } from "@/db/schema";
import { PdfFile, decodeText, nameOf } from "@/e2e/pdf-objects";
import { flattenStructure, pdfFontsInfo, pdfOutline, pdfStructureTree, pdfXmp } from "@/e2e/pdf-structure";
import { pdfPageRuns, pdfPageTexts, pdfText, pdfTitle } from "@/e2e/pdf-text";
import { createCatalogue } from "./catalogue";
import { addFicheToModule, addModule } from "./catalogue-module";
import { renderCataloguePdf } from "./catalogue-pdf";
import { insertFiche } from "./fiche";

const options = { baseUrl: "https://wiki.exemple.fr", licence: { name: "Licence Ouverte 2.0 (Etalab)", url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/" } };

function buildFiche(titre: string, html: string, values: Partial<typeof fiche.$inferInsert> = {}) {
  const db = getTestDb();
  const created = insertFiche(db, { type: "fiche_pratique", titre, createdBy: null, statut: "publiee" });
  db.update(fiche).set({ html, fields: { source: "Livre blanc de la Solidarité numérique (2016)", lienWeb: "", quartier: "", extrait: "" }, ...values }).where(eq(fiche.id, created.id)).run();
  return created;
}

function buildCatalogue() {
  const db = getTestDb();
  const owner = getViewerById(db, buildUser({ name: "Maëlle" }).id)!;
  const created = createCatalogue(db, owner, {
    titre: "Former les bénévoles à l’accompagnement numérique",
    description: "Un parcours en deux modules pour les bénévoles d’accueil.",
    publicVise: "Bénévoles des centres sociaux",
    objectifs: "Savoir orienter une personne vers le bon lieu.",
    duree: "2 jours",
  });
  const accueillir = addModule(db, owner, created.id, { titre: "Accueillir", description: "Premier contact avec la personne." });
  const orienter = addModule(db, owner, created.id, { titre: "Orienter", description: "" });
  const add = (moduleId: number, ficheId: number, note = "") => addFicheToModule(db, owner, created.id, { moduleId, ficheId, note, duree: "1 h" });
  add(accueillir.id, buildFiche("Cœur d’atelier", "<h2>Pourquoi ?</h2><p>Un œil bienveillant sur l’usager : « écouter » d’abord.</p><ul><li><p>Accueillir</p></li></ul><h4>Détail</h4><p>Plus bas.</p>").id, "Pour ouvrir la formation");
  const hidden = buildFiche("Fiche masquée", "<p>Contenu secret</p>");
  add(accueillir.id, hidden.id);
  db.update(fiche).set({ masquee: true }).where(eq(fiche.id, hidden.id)).run();
  add(orienter.id, buildFiche("Orienter vers un lieu", `<p>${"Une phrase assez longue pour remplir la page. ".repeat(400)}</p>`).id);
  return getCatalogueBySlug(db, created.slug, null, { content: true })!;
}

describe("renderCataloguePdf", () => {
  it("writes a PDF titled after the catalogue, with a cover, a table of contents and its page numbers", async () => {
    const catalogue = buildCatalogue();
    const pdf = await renderCataloguePdf(catalogue, options);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdfTitle(pdf)).toBe("Former les bénévoles à l’accompagnement numérique");

    // Lines wrap where the layout says: compare the text with its line breaks as spaces.
    const pages = pdfPageTexts(pdf).map((page) => page.replace(/\s+/g, " "));
    const lines = pdfPageTexts(pdf)[1].split("\n");
    expect(pages[0]).toContain("Former les bénévoles à l’accompagnement numérique");
    expect(pages[0]).toContain("Bénévoles des centres sociaux");
    expect(lines[0]).toBe("Sommaire");
    // Each entry is followed by its page number; the page it gives holds the entry's heading.
    const numberAfter = (entry: string) => Number(lines[lines.indexOf(entry) + 1]);
    expect(pages[numberAfter("Module 1 · Accueillir") - 1]).toContain("Accueillir");
    expect(pages[numberAfter("Cœur d’atelier") - 1]).toContain("Un œil bienveillant sur l’usager : « écouter » d’abord.");
    expect(pages[numberAfter("Module 2 · Orienter") - 1]).toContain("Orienter vers un lieu");
    expect(numberAfter("Sources et licence")).toBeGreaterThan(numberAfter("Module 2 · Orienter") + 1);
    expect(pages[numberAfter("Sources et licence") - 1]).toContain("Licence Ouverte 2.0 (Etalab)");
    expect(pages.at(-1)).toContain(`page ${pages.length} sur ${pages.length}`);
  });

  it("shows an unavailable fiche without its content, and keeps the trainer's note", async () => {
    const text = pdfText(await renderCataloguePdf(buildCatalogue(), options)).replace(/\s+/g, " ");
    expect(text).toContain("Note du formateur : Pour ouvrir la formation");
    expect(text).toContain("Fiche indisponible");
    expect(text).not.toContain("Contenu secret");
    expect(text).not.toContain("Fiche masquée");
    expect(text).toContain("Source : Livre blanc de la Solidarité numérique (2016)");
    expect(text).toContain("https://wiki.exemple.fr/fiches/coeur-d-atelier");
  });
});

describe("renderCataloguePdf's accessibility", () => {
  it("is a tagged PDF/UA document in French, titled in the reader's window, with embedded fonts only", async () => {
    const file = new PdfFile(await renderCataloguePdf(buildCatalogue(), options));
    expect(file.bytes.subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
    expect(file.get(file.catalog.get("MarkInfo"), "Marked")).toBe(true);
    expect(decodeText(file.catalog.get("Lang")!)).toBe("fr-FR");
    expect(file.get(file.catalog.get("ViewerPreferences"), "DisplayDocTitle")).toBe(true);
    expect(pdfXmp(file)).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(pdfXmp(file)).toContain("Former les bénévoles à l’accompagnement numérique");
    const fonts = pdfFontsInfo(file);
    expect(fonts.map((f) => f.name.split("+")[1]).sort()).toEqual(["AtkinsonHyperlegible-Bold", "AtkinsonHyperlegible-Italic", "AtkinsonHyperlegible-Regular"]);
    expect(fonts.every((f) => f.embedded && f.subtype === "CIDFontType2")).toBe(true);
    // Every glyph drawn maps back to a character: no .notdef, which PDF/UA forbids.
    expect(pdfText(file)).not.toContain("\ufffd");
    for (const page of file.pageNumbers()) expect(nameOf(file.get(file.objects.get(page)!.value, "Tabs"))).toBe("S");
    // Every piece of text is either content of the structure tree or page furniture (an artifact).
    const pages = pdfPageRuns(file);
    expect(pages.flat().filter((run) => run.mcid === null && !run.artifact)).toEqual([]);
    expect(pages.map((runs) => runs.filter((run) => run.artifact).map((run) => run.text))).toEqual(
      pages.map((_, i) => (i === 0 ? [] : [`Former les bénévoles à l’accompagnement numérique · page ${i + 1} sur ${pages.length}`])),
    );
  });

  it("has a structure tree that follows the content: headings, paragraphs, lists, the table of contents and links", async () => {
    const file = new PdfFile(await renderCataloguePdf(buildCatalogue(), options));
    const tree = pdfStructureTree(file);
    expect(tree.children.map((c) => c.type)).toEqual(["Document"]);
    const elements = flattenStructure(tree);
    const headings = elements.filter((e) => /^H\d$/.test(e.type)).map((e) => `${e.type} ${e.text}`);
    expect(headings).toEqual([
      "H1 Former les bénévoles à l’accompagnement numérique",
      "H2 Sommaire",
      "H2 Module 1 Accueillir",
      "H3 Cœur d’atelier",
      "H4 Pourquoi ?",
      "H5 Détail",
      "H3 Fiche indisponible",
      "H2 Module 2 Orienter",
      "H3 Orienter vers un lieu",
      "H2 Sources et licence",
    ]);
    const [document] = tree.children;
    expect(document.children.map((c) => c.type)).toEqual(["Sect", "Sect", "Sect", "Sect", "Sect"]);
    const [cover, sommaire] = document.children;
    expect(cover.children.map((c) => c.type)).toEqual(["P", "H1", "P", "L", "P"]);
    expect(cover.children[3].children.map((li) => li.children.map((c) => `${c.type} ${c.text}`))).toContainEqual(["Lbl Public visé", "LBody Bénévoles des centres sociaux"]);

    // The table of contents: one entry per module, its fiches nested, each a link to its page.
    const toc = sommaire.children.find((c) => c.type === "TOC")!;
    expect(toc.children.map((c) => c.type)).toEqual(["TOCI", "TOCI", "TOCI"]);
    const links = flattenStructure(toc).filter((e) => e.type === "Link");
    expect(links.map((l) => l.text.replace(/ \d+$/, ""))).toEqual(["Module 1 · Accueillir", "Cœur d’atelier", "Fiche indisponible", "Module 2 · Orienter", "Orienter vers un lieu", "Sources et licence"]);
    for (const link of links) {
      expect(link.annotations).toHaveLength(1);
      expect(nameOf(link.annotations[0].get("Subtype"))).toBe("Link");
      expect(decodeText(link.annotations[0].get("Contents")!)).toMatch(/, page \d+$/);
    }

    // A fiche's list keeps its bullet as the label of its item; its address is a link.
    const fiche = flattenStructure(document.children[2]).find((e) => e.type === "Sect" && e.children.some((c) => c.text === "Cœur d’atelier"))!;
    expect(fiche.children.map((c) => c.type)).toEqual(["P", "H3", "P", "H4", "P", "L", "H5", "P", "P", "P"]);
    expect(fiche.children[5].children[0].children.map((c) => `${c.type} ${c.text}`)).toEqual(["Lbl •", "LBody Accueillir"]);
    const online = fiche.children[9].children[0];
    expect(online.type).toBe("Link");
    // Each test builds its own fiches: the slug takes a suffix after the first.
    expect(online.text).toMatch(/^En ligne : https:\/\/wiki\.exemple\.fr\/fiches\/coeur-d-atelier(-\d+)?$/);
    expect(decodeText(file.get(file.get(online.annotations[0], "A"), "URI")!)).toBe(online.text.slice("En ligne : ".length));
  });

  it("has a bookmark for the table of contents, each module with its fiches, and the sources", async () => {
    expect(pdfOutline(await renderCataloguePdf(buildCatalogue(), options))).toEqual([
      { title: "Sommaire", children: [] },
      { title: "Module 1 · Accueillir", children: [{ title: "Cœur d’atelier", children: [] }, { title: "Fiche indisponible", children: [] }] },
      { title: "Module 2 · Orienter", children: [{ title: "Orienter vers un lieu", children: [] }] },
      { title: "Sources et licence", children: [] },
    ]);
  });

  it("keeps French typography and folds what the embedded face cannot show", async () => {
    const catalogue = buildCatalogue();
    catalogue.description = "Prêt\u202f? L’œuvre « déjà » — 10 € … ŵ 🎉 日";
    const text = pdfText(await renderCataloguePdf(catalogue, options));
    expect(text).toMatch(/Prêt[\u00a0 ]\? L’œuvre « déjà » — 10 € … w {2}\?/);
  });
});

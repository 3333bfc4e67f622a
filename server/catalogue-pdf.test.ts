import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { getCatalogueBySlug } from "@/db/queries/catalogue";
import { getTestDb } from "@/db/testing";
import { fiche } from "@/db/schema";
import { pdfPageTexts, pdfText, pdfTitle } from "@/e2e/pdf-text";
import { createCatalogue } from "./catalogue";
import { addFicheToModule, addModule } from "./catalogue-module";
import { renderCataloguePdf } from "./catalogue-pdf";
import { insertFiche } from "./fiche";
import { toWinAnsi } from "./win-ansi";

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
  add(accueillir.id, buildFiche("Cœur d’atelier", "<h2>Pourquoi ?</h2><p>Un œil bienveillant sur l’usager : « écouter » d’abord.</p><ul><li><p>Accueillir</p></li></ul>").id, "Pour ouvrir la formation");
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

describe("toWinAnsi", () => {
  it("keeps French typography, folds other spaces and dashes, and drops what Helvetica cannot show", () => {
    expect(toWinAnsi("L’œuvre « déjà » — 10 € …")).toBe("L’œuvre « déjà » — 10 € …");
    expect(toWinAnsi("Prêt\u202f? a\u2011b ŵ 🎉 日")).toBe("Prêt\u00a0? a-b w  ?");
  });
});

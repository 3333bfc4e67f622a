import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { importMap, readFicheContent, setText, textField, writeFicheContent } from "@/lib/fiche/document";
import { buildImportedDocument, decideMerge, mergeImport, type ImportedValues } from "./merge";

const values: ImportedValues = {
  type: "pratique",
  titre: "Café numérique",
  source: "Livre blanc",
  lienWeb: "",
  commune: "Bègles",
  objectif: null,
  ebauche: false,
  publics: [],
  themesSuggeres: [],
  enjeux: [],
  acteurs: [],
  body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Un café chaque mardi." }] }] },
};

function importedDoc(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, buildImportedDocument("test#pratique:cafe", values));
  return doc;
}

describe("re-importing a fiche's commune", () => {
  it("lists a commune-only change and writes it, then finds nothing to do", () => {
    const doc = importedDoc();
    const next = { ...values, commune: "Cenon" };
    expect(decideMerge(doc, next)).toEqual({ changes: ["commune"], kept: [] });
    expect(mergeImport(doc, next)).toEqual({ changes: ["commune"], kept: [] });
    expect(readFicheContent(doc).commune).toBe("Cenon");
    expect(decideMerge(doc, next)).toEqual({ changes: [], kept: [] });
  });

  it("keeps a commune people changed and says so", () => {
    const doc = importedDoc();
    setText(textField(doc, "commune"), "Lormont");
    expect(mergeImport(doc, { ...values, commune: "Cenon" })).toEqual({ changes: [], kept: ["commune"] });
    expect(readFicheContent(doc).commune).toBe("Lormont");
  });
});

describe("re-importing a fiche pratique's objectif and ébauche flag", () => {
  const pratique: ImportedValues = { ...values, type: "fiche_pratique", commune: "", objectif: 3, ebauche: true };
  const importedPratique = () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, buildImportedDocument("test#fiche_pratique:guide", pratique));
    return doc;
  };

  it("writes them on the first import and finds nothing to do on the same values", () => {
    const doc = importedPratique();
    expect(readFicheContent(doc)).toMatchObject({ type: "fiche_pratique", objectif: 3, ebauche: true });
    expect(decideMerge(doc, pratique)).toEqual({ changes: [], kept: [] });
  });

  it("takes the document's new objectif and ébauche when people left them alone", () => {
    const doc = importedPratique();
    expect(mergeImport(doc, { ...pratique, objectif: 4, ebauche: false })).toEqual({ changes: ["objectif", "ebauche"], kept: [] });
    expect(readFicheContent(doc)).toMatchObject({ objectif: 4, ebauche: false });
  });

  it("keeps a stub people completed and an objectif they chose", () => {
    const doc = importedPratique();
    writeFicheContent(doc, { ebauche: false, objectif: 5 });
    expect(mergeImport(doc, pratique)).toEqual({ changes: [], kept: [] });
    expect(mergeImport(doc, { ...pratique, objectif: 4, titre: "Guide" })).toEqual({ changes: ["titre"], kept: ["objectif"] });
    expect(readFicheContent(doc)).toMatchObject({ objectif: 5, ebauche: false });
  });

  it("fills them in a fiche imported before the importer wrote them, only where nobody set them", () => {
    const doc = importedDoc();
    // The baseline of an older import has no objectif nor ébauche.
    const baseline = JSON.parse(importMap(doc).get("baseline")!);
    delete baseline.objectif;
    delete baseline.ebauche;
    importMap(doc).set("baseline", JSON.stringify(baseline));
    expect(mergeImport(doc, values)).toEqual({ changes: [], kept: [] });
    expect(mergeImport(doc, { ...values, ebauche: true })).toEqual({ changes: ["ebauche"], kept: [] });
    expect(readFicheContent(doc).ebauche).toBe(true);
  });
});

import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { readFicheContent, setText, textField } from "@/lib/fiche/document";
import { buildImportedDocument, decideMerge, mergeImport, type ImportedValues } from "./merge";

const values: ImportedValues = {
  type: "pratique",
  titre: "Café numérique",
  source: "Livre blanc",
  lienWeb: "",
  commune: "Bègles",
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

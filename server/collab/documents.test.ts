import { describe, expect, it } from "vitest";
import type { JSONContent } from "@tiptap/core";
import { getTestDb } from "@/db/testing";
import { getFicheBySlug } from "@/db/queries/fiche";
import { getLatestRevision } from "@/db/queries/revision";
import { getBodyTemplate } from "@/lib/editor/extensions";
import { insertFiche } from "@/server/fiche";
import type { ImportedValues } from "@/server/importer/merge";
import { getFicheDocuments } from "./write";

// Next's code reaches fiches' content only through these methods, with plain data in and out.

const db = getTestDb();
const documents = () => getFicheDocuments(db);
const paragraph = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }] });
const body = (text: string): JSONContent => ({ type: "doc", content: [paragraph(text)] });

describe("the document service, as plain data", () => {
  it("creates a fiche from fields and a body, projects it and takes its first revision", () => {
    const created = insertFiche(db, { type: "pratique", titre: "  Atelier vélo  ", createdBy: null, statut: "publiee", content: { commune: "Bègles" }, body: body("Réparer ensemble.") });
    expect(created.titre).toBe("Atelier vélo");
    const stored = documents().readStored(db, created.id)!;
    expect(stored.content).toMatchObject({ type: "pratique", titre: "Atelier vélo", commune: "Bègles" });
    expect(stored.body).toEqual(body("Réparer ensemble."));
    expect(getFicheBySlug(db, created.slug)).toMatchObject({ commune: "Bègles", texte: "Réparer ensemble." });
    const revision = getLatestRevision(db, created.id)!;
    expect(revision.reason).toBe("creation");
    expect(documents().readState(revision.state)).toEqual({ content: stored.content, body: stored.body });
  });

  it("gives a fiche created without a body the body template of its type", () => {
    const created = insertFiche(db, { type: "idee", titre: "Une idée", createdBy: null });
    expect(documents().readStored(db, created.id)!.body).toEqual(getBodyTemplate("idee"));
  });

  it("keeps an imported fiche's baseline and tells what a re-import would change", () => {
    const values: ImportedValues = {
      type: "pratique",
      titre: "Café numérique",
      source: "Livre blanc",
      lienWeb: "",
      commune: "Cenon",
      objectif: null,
      ebauche: false,
      publics: [],
      themesSuggeres: [],
      enjeux: [],
      acteurs: [],
      body: body("Chaque jeudi."),
    };
    const created = insertFiche(db, { type: "pratique", titre: values.titre, createdBy: null, imported: { key: "cafe", values }, origin: "import" });
    const state = documents().readStored(db, created.id)!.state;
    expect(documents().readImportBaseline(state)).toMatchObject({ titre: "Café numérique", commune: "Cenon" });
    expect(documents().decideImport(db, created.id, values).changes).toEqual([]);
    expect(documents().decideImport(db, created.id, { ...values, commune: "Floirac" }).changes).toEqual(["commune"]);
  });

  it("reads nothing for a fiche without a stored document, and no baseline in a fiche written on the wiki", () => {
    expect(documents().readStored(db, 999_999)).toBeNull();
    const created = insertFiche(db, { type: "pratique", titre: "Écrite ici", createdBy: null });
    expect(documents().readImportBaseline(documents().readStored(db, created.id)!.state)).toBeNull();
  });
});

describe("getFicheDocuments", () => {
  it("says how to register a service when neither a collaboration server nor a storage-only service is there", () => {
    const slot = globalThis as { __wikiStorageDocuments?: unknown };
    const registered = slot.__wikiStorageDocuments;
    delete slot.__wikiStorageDocuments;
    try {
      expect(() => getFicheDocuments(db)).toThrow(/registerStorageDocuments\(\)/);
    } finally {
      slot.__wikiStorageDocuments = registered;
    }
  });
});

import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { fiche, ficheLink } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import { readFicheContent, setText, textField, writeFicheContent } from "@/lib/fiche/document";
import { editFicheDocument } from "../collab/testing";
import { loadDocument } from "../collab/persistence";
import { applyImport } from "./apply";
import { planImport } from "./plan";
import { readImportFile } from "./read-file";
import { SEED_MARKDOWN_FILES, seedDatabase, seedLivreBlanc } from "./seed";

const byTitre = (titre: string) => getTestDb().select().from(fiche).where(eq(fiche.titre, titre)).get()!;
const contentOf = (ficheId: number) => {
  const loaded = loadDocument(getTestDb(), ficheId)!;
  const content = readFicheContent(loaded.doc);
  loaded.doc.destroy();
  return content;
};

describe("starting a wiki that imported the Livre blanc before the other documents shipped", () => {
  it("imports each new file once, links it to the Livre blanc fiches, even renamed, and keeps people's edits", () => {
    const db = getTestDb();
    expect(seedLivreBlanc(db)?.created).toHaveLength(121);
    // People renamed a Livre blanc fiche before the update.
    const garage = byTitre("Garage informatique");
    editFicheDocument(garage.id, null, (doc) => setText(textField(doc, "titre"), "Le garage informatique de Flora Tristan"), db);

    const first = seedDatabase(db);
    expect(first.livreBlanc).toBeNull();
    expect(first.documents.map((d) => [d.file, d.fiches])).toEqual(SEED_MARKDOWN_FILES.map((file) => [path.basename(file), expect.any(Number)]));
    expect(byTitre("Le garage informatique de Flora Tristan").id).toBe(garage.id);
    const soluces = byTitre("Soluces, rendez-vous individuels en bibliothèque");
    expect(db.select({ target: ficheLink.targetFicheId }).from(ficheLink).where(eq(ficheLink.ficheId, soluces.id)).all()).toEqual([{ target: garage.id }]);

    // People complete a stub and retitle it; a restart imports nothing again.
    const cafes = byTitre("Cafés numériques des bibliothèques de Bordeaux");
    editFicheDocument(cafes.id, null, (doc) => {
      writeFicheContent(doc, { ebauche: false });
      setText(textField(doc, "titre"), "Cafés numériques des bibliothèques");
    }, db);
    const fiches = db.select({ id: fiche.id }).from(fiche).all().length;
    expect(seedDatabase(db)).toEqual({ terms: 0, livreBlanc: null, documents: [] });
    expect(db.select({ id: fiche.id }).from(fiche).all()).toHaveLength(fiches);

    // Importing the file again by hand merges: nothing duplicated, people's edits kept.
    const file = SEED_MARKDOWN_FILES.find((f) => f.endsWith("bordeaux-conseillers-numeriques-2022.md"))!;
    const read = readImportFile(fs.readFileSync(file), path.basename(file));
    if (!read.ok) throw new Error(read.error.message);
    const outcome = applyImport(db, planImport(db, read), { viewerId: null });
    expect(outcome.created).toEqual([]);
    expect(outcome.updated).toEqual([]);
    expect(contentOf(cafes.id)).toMatchObject({ titre: "Cafés numériques des bibliothèques", ebauche: false });
    expect(db.select({ id: fiche.id }).from(fiche).all()).toHaveLength(fiches);
  });
});

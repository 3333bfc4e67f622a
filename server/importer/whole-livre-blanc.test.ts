import fs from "node:fs";
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { acteur, fiche, ficheActeur, ficheDocument, ficheTerm, ficheUpdate } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import { applyImport } from "./apply";
import { planImport } from "./plan";
import { readImportFile } from "./read-file";
import { LIVRE_BLANC_SEED_FILE } from "./seed";

// The one test that imports all of the Livre blanc's fiches into a database: the others import a few of them.
function planLivreBlanc() {
  const file = readImportFile(fs.readFileSync(LIVRE_BLANC_SEED_FILE), "livre-blanc-solidarite-numerique-bordeaux-2016.txt");
  if (!file.ok) throw new Error(file.error.message);
  return planImport(getTestDb(), file);
}

function tableCounts() {
  const db = getTestDb();
  const n = (table: typeof fiche | typeof acteur | typeof ficheActeur | typeof ficheUpdate | typeof ficheDocument | typeof ficheTerm) =>
    db.select({ n: count() }).from(table).get()!.n;
  return { fiches: n(fiche), acteurs: n(acteur), liens: n(ficheActeur), termes: n(ficheTerm), documents: n(ficheDocument), updates: n(ficheUpdate) };
}

describe("the whole Livre blanc", () => {
  it("is imported as 79 pratiques, 42 idées and 107 acteurs, and changes nothing when it comes back", () => {
    const db = getTestDb();
    applyImport(db, planLivreBlanc(), { viewerId: null });
    expect(db.select({ type: fiche.type, n: count() }).from(fiche).groupBy(fiche.type).orderBy(fiche.type).all()).toEqual([
      { type: "idee", n: 42 },
      { type: "pratique", n: 79 },
    ]);
    const before = tableCounts();
    expect(before.acteurs).toBe(107);

    const again = planLivreBlanc();
    expect(again.fiches.filter((f) => f.action !== "unchanged").map((f) => f.fiche.key)).toEqual([]);
    expect(again.acteurs.filter((a) => a.action !== "reuse").map((a) => a.nom)).toEqual([]);
    const outcome = applyImport(db, again, { viewerId: null });
    expect([outcome.created.length, outcome.updated.length, outcome.unchanged.length, outcome.acteursCreated.length]).toEqual([0, 0, 121, 0]);
    expect(tableCounts()).toEqual(before);
  });
});

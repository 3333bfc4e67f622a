import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { buildUser } from "@/db/factories";
import { listFicheContributors } from "@/db/queries/revision";
import { ficheRevision } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import { writeFicheContent } from "@/lib/fiche/document";
import { loadDocumentState } from "./collab/persistence";
import { insertFiche } from "./fiche";
import { takeRevision } from "./revision";
import { parisDayOf, pruneRevisions, revisionRetentionDays } from "./revision-retention";

const db = getTestDb();
const NOW = new Date("2026-06-30T12:00:00Z");

afterEach(() => vi.unstubAllEnvs());

function stateWithTitre(titre: string): Uint8Array {
  const doc = new Y.Doc();
  writeFicheContent(doc, { type: "pratique", titre });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** A fiche whose creation revision is dated `createdAt`. */
function buildFiche(createdAt: string) {
  const f = insertFiche(db, { type: "pratique", titre: "Atelier", createdBy: null, statut: "publiee", state: stateWithTitre("Atelier") });
  db.update(ficheRevision).set({ createdAt: new Date(createdAt) }).where(eq(ficheRevision.ficheId, f.id)).run();
  return f;
}

/** Adds a revision dated `createdAt` by `authorIds`, returning its id. */
function addRevision(ficheId: number, createdAt: string, authorIds: number[] = [], restoredFromId: number | null = null): number {
  return db
    .insert(ficheRevision)
    .values({ ficheId, state: Buffer.from(stateWithTitre(createdAt)), titre: createdAt, authorIds, reason: restoredFromId ? "restauration" : "pause", restoredFromId, createdAt: new Date(createdAt) })
    .returning()
    .get().id;
}

const remaining = (ficheId: number) =>
  db.select({ titre: ficheRevision.titre, authorIds: ficheRevision.authorIds }).from(ficheRevision).where(eq(ficheRevision.ficheId, ficheId)).orderBy(ficheRevision.id).all();

describe("pruneRevisions", () => {
  it("keeps every recent revision, then the last of each Paris day, the first and those a restoration names", () => {
    const [ann, bob, cat] = [buildUser(), buildUser(), buildUser()];
    const f = buildFiche("2026-01-10T09:00:00Z");
    addRevision(f.id, "2026-01-10T14:00:00Z", [ann.id]);
    addRevision(f.id, "2026-02-01T08:00:00Z", [bob.id]);
    addRevision(f.id, "2026-02-01T12:00:00Z", [ann.id, cat.id]);
    addRevision(f.id, "2026-02-01T20:00:00Z", [ann.id]);
    // 23:30 on 2 February and 00:30 on 3 February in Paris: one UTC day, two Paris days.
    addRevision(f.id, "2026-02-02T22:30:00Z");
    addRevision(f.id, "2026-02-02T23:30:00Z");
    const restoredLater = addRevision(f.id, "2026-03-05T09:00:00Z", [bob.id]);
    addRevision(f.id, "2026-03-05T12:00:00Z", [ann.id]);
    addRevision(f.id, "2026-03-05T18:00:00Z", [cat.id]);
    // Both sides of the cutoff (2026-05-31T12:00Z): the older is the last of its day so far.
    addRevision(f.id, "2026-05-31T10:00:00Z");
    addRevision(f.id, "2026-05-31T11:00:00Z");
    addRevision(f.id, "2026-05-31T14:00:00Z");
    addRevision(f.id, "2026-06-10T10:00:00Z", [bob.id]);
    addRevision(f.id, "2026-06-10T10:05:00Z", [bob.id]);
    addRevision(f.id, "2026-06-20T10:00:00Z", [ann.id], restoredLater);
    const contributorsBefore = listFicheContributors(db, f.id).map((c) => c.id).sort();

    expect(pruneRevisions(db, f.id, NOW)).toBe(4);
    expect(remaining(f.id)).toEqual([
      { titre: "Atelier", authorIds: [] },
      { titre: "2026-01-10T14:00:00Z", authorIds: [ann.id] },
      { titre: "2026-02-01T20:00:00Z", authorIds: [ann.id, bob.id, cat.id].sort((a, b) => a - b) },
      { titre: "2026-02-02T22:30:00Z", authorIds: [] },
      { titre: "2026-02-02T23:30:00Z", authorIds: [] },
      { titre: "2026-03-05T09:00:00Z", authorIds: [bob.id] },
      { titre: "2026-03-05T18:00:00Z", authorIds: [ann.id, cat.id].sort((a, b) => a - b) },
      { titre: "2026-05-31T11:00:00Z", authorIds: [] },
      { titre: "2026-05-31T14:00:00Z", authorIds: [] },
      { titre: "2026-06-10T10:00:00Z", authorIds: [bob.id] },
      { titre: "2026-06-10T10:05:00Z", authorIds: [bob.id] },
      { titre: "2026-06-20T10:00:00Z", authorIds: [ann.id] },
    ]);
    expect(listFicheContributors(db, f.id).map((c) => c.id).sort()).toEqual(contributorsBefore);
    expect(pruneRevisions(db, f.id, NOW)).toBe(0);
  });

  it("follows REVISION_RETENTION_DAYS and touches only the fiche it is given", () => {
    const f = buildFiche("2026-06-01T08:00:00Z");
    const other = buildFiche("2026-06-01T08:00:00Z");
    for (const id of [f.id, other.id]) {
      addRevision(id, "2026-06-20T08:00:00Z");
      addRevision(id, "2026-06-20T09:00:00Z");
    }
    expect(pruneRevisions(db, f.id, NOW)).toBe(0);
    vi.stubEnv("REVISION_RETENTION_DAYS", "7");
    expect(pruneRevisions(db, f.id, NOW)).toBe(1);
    expect(remaining(f.id).map((r) => r.titre)).toEqual(["Atelier", "2026-06-20T09:00:00Z"]);
    expect(remaining(other.id)).toHaveLength(3);
  });

  it("is run by the first revision of a new day", () => {
    const f = buildFiche("2020-03-01T08:00:00Z");
    addRevision(f.id, "2020-03-02T08:00:00Z");
    addRevision(f.id, "2020-03-02T09:00:00Z");
    const state = Y.mergeUpdates([loadDocumentState(db, f.id)!, stateWithTitre("Atelier numérique")]);
    expect(takeRevision(db, f.id, state, [], "pause")).not.toBeNull();
    expect(remaining(f.id).map((r) => r.titre)).toEqual(["Atelier", "2020-03-02T09:00:00Z", expect.any(String)]);
  });
});

describe("revisionRetentionDays", () => {
  it("is 30 by default and refuses anything but a whole number of days from 1", () => {
    expect(revisionRetentionDays()).toBe(30);
    vi.stubEnv("REVISION_RETENTION_DAYS", " 90 ");
    expect(revisionRetentionDays()).toBe(90);
    for (const bad of ["0", "-3", "1.5", "trente", "100000"]) {
      vi.stubEnv("REVISION_RETENTION_DAYS", bad);
      expect(() => revisionRetentionDays()).toThrow(/REVISION_RETENTION_DAYS/);
    }
  });
});

describe("parisDayOf", () => {
  it("counts days in Paris, summer time included", () => {
    expect(parisDayOf(new Date("2026-02-02T23:30:00Z"))).toBe("2026-02-03");
    expect(parisDayOf(new Date("2026-07-14T21:59:00Z"))).toBe("2026-07-14");
    expect(parisDayOf(new Date("2026-07-14T22:00:00Z"))).toBe("2026-07-15");
  });
});

import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { getTestDb } from "@/db/testing";
import { fiche, ficheDocument, ficheUpdate } from "@/db/schema";
import {
  appendUpdate,
  appendUpdates,
  compactDocument,
  getUpdateLogStats,
  loadDocument,
  loadDocumentState,
  storeInitialDocument,
} from "./persistence";
import { silentLogger } from "./log";

let slugCounter = 0;
function buildFiche(): number {
  return getTestDb().insert(fiche).values({ slug: `fiche-${++slugCounter}`, type: "pratique" }).returning().get().id;
}

/** Records every update a doc emits while `edit` runs. */
function captureUpdates(doc: Y.Doc, edit: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const onUpdate = (update: Uint8Array) => updates.push(update);
  doc.on("update", onUpdate);
  edit();
  doc.off("update", onUpdate);
  return updates;
}

function textOf(state: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getText("titre").toString();
}

describe("collab persistence", () => {
  it("returns null for a fiche with nothing stored, and the snapshot merged with the log otherwise", () => {
    const db = getTestDb();
    const id = buildFiche();
    expect(loadDocumentState(db, id)).toBeNull();

    const source = new Y.Doc();
    source.getText("titre").insert(0, "Atelier");
    storeInitialDocument(db, id, Y.encodeStateAsUpdate(source));
    const [u1] = captureUpdates(source, () => source.getText("titre").insert(7, " numérique"));
    const [u2] = captureUpdates(source, () => source.getText("titre").insert(0, "Un "));
    appendUpdate(db, id, u1, null);
    appendUpdates(db, [{ ficheId: id, update: u2, userId: null }]);

    expect(textOf(loadDocumentState(db, id))).toBe("Un Atelier numérique");
    expect(getUpdateLogStats(db, id)).toEqual({ count: 2, bytes: u1.length + u2.length });
  });

  it("refuses to overwrite an existing first snapshot", () => {
    const db = getTestDb();
    const id = buildFiche();
    storeInitialDocument(db, id, Y.encodeStateAsUpdate(new Y.Doc()));
    expect(() => storeInitialDocument(db, id, Y.encodeStateAsUpdate(new Y.Doc()))).toThrow(/already has a stored document/);
  });

  it("joins the caller's transaction, so a fiche and its first snapshot are created together or not at all", () => {
    const db = getTestDb();
    const state = Y.encodeStateAsUpdate(new Y.Doc());
    let id = 0;
    expect(() =>
      db.transaction(() => {
        id = buildFiche();
        storeInitialDocument(db, id, state);
        throw new Error("creation aborted");
      }),
    ).toThrow("creation aborted");
    expect(db.select().from(fiche).where(eq(fiche.id, id)).get()).toBeUndefined();
    expect(loadDocumentState(db, id)).toBeNull();
  });

  it("folds the log into the snapshot and empties the log", () => {
    const db = getTestDb();
    const id = buildFiche();
    const source = new Y.Doc();
    const updates = captureUpdates(source, () => {
      for (const ch of "Repair café") source.getText("titre").insert(source.getText("titre").length, ch);
      source.getText("titre").delete(0, 7);
    });
    appendUpdates(db, updates.map((update) => ({ ficheId: id, update, userId: null })));

    const result = compactDocument(db, id);
    expect(result).toMatchObject({ foldedUpdates: updates.length, discardedUpdates: 0 });
    expect(getUpdateLogStats(db, id).count).toBe(0);
    const snapshot = db.select().from(ficheDocument).where(eq(ficheDocument.ficheId, id)).get()!.snapshot;
    expect(result.snapshotBytes).toBe(snapshot.length);
    expect(textOf(snapshot)).toBe("café");
    expect(compactDocument(db, id)).toEqual({ foldedUpdates: 0, discardedUpdates: 0, snapshotBytes: snapshot.length });
  });

  it("keeps an update appended between the read and the delete of a compaction", () => {
    const db = getTestDb();
    const id = buildFiche();
    const source = new Y.Doc();
    const [first] = captureUpdates(source, () => source.getText("titre").insert(0, "Avant"));
    const [late] = captureUpdates(source, () => source.getText("titre").insert(5, " et après"));
    appendUpdate(db, id, first, null);

    // The trigger fires when the compaction writes its snapshot, after it has read the log: the
    // row it adds stands for an append by another connection racing the compaction.
    db.$client.prepare(
      `CREATE TEMP TRIGGER racing_append AFTER INSERT ON fiche_document BEGIN
         INSERT INTO fiche_update (fiche_id, "update") VALUES (NEW.fiche_id, x'${Buffer.from(late).toString("hex")}');
       END`,
    ).run();
    try {
      expect(compactDocument(db, id).foldedUpdates).toBe(1);
    } finally {
      db.$client.prepare("DROP TRIGGER racing_append").run();
    }
    expect(getUpdateLogStats(db, id).count).toBe(1);
    expect(textOf(loadDocumentState(db, id))).toBe("Avant et après");
  });

  it("with a live document, reads and applies only the log rows it does not hold, then empties the log", () => {
    const db = getTestDb();
    const id = buildFiche();
    const live = new Y.Doc();
    const held = captureUpdates(live, () => live.getText("titre").insert(0, "Atelier"));
    const heldIds = held.map((update) => appendUpdate(db, id, update, null));
    // Another writer's row: the live document has not seen it.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(live));
    const [theirs] = captureUpdates(other, () => other.getText("titre").insert(7, " vélo"));
    appendUpdate(db, id, theirs, null);
    // Were the held rows read again, this one would be found unreadable and counted as discarded.
    db.update(ficheUpdate).set({ update: Buffer.from([1, 1, 200, 7]) }).where(eq(ficheUpdate.id, heldIds[0])).run();

    const result = compactDocument(db, id, { liveDoc: live, appliedLogIds: new Set(heldIds), logger: silentLogger });
    expect(result).toMatchObject({ foldedUpdates: held.length + 1, discardedUpdates: 0 });
    expect(live.getText("titre").toString()).toBe("Atelier vélo");
    expect(getUpdateLogStats(db, id).count).toBe(0);
    expect(textOf(loadDocumentState(db, id))).toBe("Atelier vélo");
  });

  it("skips an unreadable logged update instead of making the fiche unloadable, and discards it on compaction", () => {
    const db = getTestDb();
    const id = buildFiche();
    const source = new Y.Doc();
    const [good] = captureUpdates(source, () => source.getText("titre").insert(0, "Lisible"));
    appendUpdate(db, id, good, null);
    db.insert(ficheUpdate).values({ ficheId: id, update: Buffer.from([1, 1, 200, 7]) }).run();

    expect(textOf(loadDocumentState(db, id, silentLogger))).toBe("Lisible");
    expect(compactDocument(db, id, { logger: silentLogger })).toMatchObject({ foldedUpdates: 1, discardedUpdates: 1 });
    expect(getUpdateLogStats(db, id).count).toBe(0);
    expect(textOf(loadDocumentState(db, id))).toBe("Lisible");
  });

  it("drops deletions of content that never existed, which documents stored before the update check may hold", () => {
    const db = getTestDb();
    const id = buildFiche();
    const source = new Y.Doc();
    const [good] = captureUpdates(source, () => source.getText("titre").insert(0, "Titre"));
    appendUpdate(db, id, good, null);
    const bloat = new Y.Doc();
    const [ghost] = captureUpdates(bloat, () => bloat.getText("titre").insert(0, "x".repeat(2000)));
    const [deletion] = captureUpdates(bloat, () => bloat.getText("titre").delete(0, 2000));
    // Only the deletion was stored: it waits for an insertion that will never come.
    expect(ghost.length).toBeGreaterThan(2000);
    appendUpdate(db, id, deletion, null);
    expect(loadDocument(db, id, silentLogger)!.doc.store.pendingDs).toBeNull();
    compactDocument(db, id, { logger: silentLogger });
    const snapshot = db.select().from(ficheDocument).where(eq(ficheDocument.ficheId, id)).get()!.snapshot;
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, snapshot);
    expect(reloaded.store.pendingDs).toBeNull();
    expect(reloaded.getText("titre").toString()).toBe("Titre");
  });
});

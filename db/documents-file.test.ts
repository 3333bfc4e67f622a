import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getTestDb } from "./testing";
import { databaseFile, openDatabase } from "./client";
import { buildUser } from "./factories";
import { fiche, ficheDocument, ficheUpdate } from "./schema";
import { documentsFileOf, listFichesWithoutDocument, settleDocuments, transactionWriting } from "./documents-file";
import { appendUpdate, storeInitialDocument, tryAppendUpdates } from "@/server/collab/persistence";

let slugCounter = 0;
function buildFicheRow(): number {
  return getTestDb().insert(fiche).values({ slug: `doc-${++slugCounter}`, type: "pratique" }).returning().get().id;
}
const update = Uint8Array.from([0, 0]);
const mainTables = () =>
  getTestDb().$client.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name LIKE 'fiche_%' ORDER BY name").pluck().all();

describe("the documents file", () => {
  it("holds fiche_document and fiche_update, beside the main file", () => {
    getTestDb();
    expect(fs.existsSync(documentsFileOf(databaseFile()))).toBe(true);
    expect(mainTables()).not.toContain("fiche_update");
    expect(mainTables()).not.toContain("fiche_document");
    expect(mainTables()).toContain("fiche_term");
  });

  it("lets the socket append while another connection writes the main file, which BEGIN IMMEDIATE would not", () => {
    const db = getTestDb();
    const ficheId = buildFicheRow();
    const worker = openDatabase(databaseFile());
    try {
      const appendedDuringMainWrite = transactionWriting(worker, "main", () => {
        worker.update(fiche).set({ titre: "Projetée" }).where(eq(fiche.id, ficheId)).run();
        return tryAppendUpdates(db, [{ ficheId, update, userId: null }]);
      });
      expect(appendedDuringMainWrite).toHaveLength(1);
      const appendedDuringImmediate = worker.transaction(() => tryAppendUpdates(db, [{ ficheId, update, userId: null }]), { behavior: "immediate" });
      expect(appendedDuringImmediate).toBeNull();
      expect(db.select().from(ficheUpdate).where(eq(ficheUpdate.ficheId, ficheId)).all()).toHaveLength(1);
    } finally {
      worker.$client.close();
    }
  });

  it("drops a deleted fiche's document and log, and anonymises a deleted account's updates, from any connection", () => {
    const db = getTestDb();
    const ficheId = buildFicheRow();
    const author = buildUser();
    storeInitialDocument(db, ficheId, update);
    appendUpdate(db, ficheId, update, author.id);
    const other = openDatabase(databaseFile());
    try {
      other.$client.prepare("DELETE FROM main.user WHERE id = ?").run(author.id);
      expect(db.select({ userId: ficheUpdate.userId }).from(ficheUpdate).where(eq(ficheUpdate.ficheId, ficheId)).all()).toEqual([{ userId: null }]);
      other.delete(fiche).where(eq(fiche.id, ficheId)).run();
    } finally {
      other.$client.close();
    }
    expect(db.select().from(ficheUpdate).where(eq(ficheUpdate.ficheId, ficheId)).all()).toEqual([]);
    expect(db.select().from(ficheDocument).where(eq(ficheDocument.ficheId, ficheId)).all()).toEqual([]);
  });

  it("moves the documents of the single-file layout, keeping the log's ids growing, and drops leftovers", () => {
    const db = getTestDb();
    const sqlite = db.$client;
    const kept = buildFicheRow();
    const gone = 999_999;
    // The layout before the split: both tables in the main file, the log's last rows compacted away.
    sqlite.exec(`
      CREATE TABLE main.fiche_document (fiche_id integer PRIMARY KEY NOT NULL, snapshot blob NOT NULL, compacted_at integer NOT NULL);
      CREATE TABLE main.fiche_update (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, fiche_id integer NOT NULL, "update" blob NOT NULL, user_id integer, created_at integer NOT NULL);
    `);
    sqlite.prepare("INSERT INTO main.fiche_document VALUES (?, x'0000', 1), (?, x'0000', 1)").run(kept, gone);
    sqlite.prepare("INSERT INTO main.fiche_update VALUES (5000, ?, x'0000', NULL, 1), (5001, ?, x'0000', NULL, 1)").run(kept, gone);
    sqlite.prepare("UPDATE main.sqlite_sequence SET seq = 6000 WHERE name = 'fiche_update'").run();

    settleDocuments(db);

    expect(mainTables()).not.toContain("fiche_update");
    expect(mainTables()).not.toContain("fiche_document");
    expect(db.select({ id: ficheUpdate.id }).from(ficheUpdate).where(eq(ficheUpdate.ficheId, kept)).all()).toEqual([{ id: 5000 }]);
    expect(db.select().from(ficheDocument).where(eq(ficheDocument.ficheId, kept)).all()).toHaveLength(1);
    expect(db.select().from(ficheUpdate).where(eq(ficheUpdate.ficheId, gone)).all()).toEqual([]);
    expect(db.select().from(ficheDocument).where(eq(ficheDocument.ficheId, gone)).all()).toEqual([]);
    expect(appendUpdate(db, kept, update, null)).toBeGreaterThan(6000);
  });

  it("lists the fiches whose creation reached the main file but not the documents file", () => {
    const db = getTestDb();
    const stored = buildFicheRow();
    storeInitialDocument(db, stored, update);
    const logged = buildFicheRow();
    appendUpdate(db, logged, update, null);
    const unfinished = buildFicheRow();
    const listed = listFichesWithoutDocument(db);
    expect(listed).toContain(unfinished);
    expect(listed).not.toContain(stored);
    expect(listed).not.toContain(logged);
  });
});

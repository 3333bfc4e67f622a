import { asc, eq, sql } from "drizzle-orm";
import * as Y from "yjs";
import { scratchDoc } from "./scratch-doc";
import { perConnection, type Db } from "@/db/client";
import { ficheDocument, ficheUpdate } from "@/db/schema";
import { transactionWriting } from "@/db/documents-file";
import { consoleLogger, errorMessage, type CollabLogger } from "./log";

/** One Yjs update to append to a fiche's log. */
export type UpdateToStore = { ficheId: number; update: Uint8Array; userId: number | null };

/** What a compaction did: how many log rows it folded (or discarded as unreadable) and the new snapshot size. */
export type CompactionResult = { foldedUpdates: number; discardedUpdates: number; snapshotBytes: number };

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// Appends are the socket's hot path: one statement and one transaction function per connection,
// on the raw client, because drizzle's db.transaction() builds a new native transaction per call.
const appender = perConnection(prepareAppender);
function prepareAppender(db: Db) {
  const insert = db.$client.prepare<[number, Buffer, number | null]>(
    'INSERT INTO fiche_update (fiche_id, "update", user_id) VALUES (?, ?, ?)',
  );
  const insertMany = db.$client.transaction((updates: readonly UpdateToStore[]) =>
    updates.map((u) => Number(insert.run(u.ficheId, toBuffer(u.update), u.userId).lastInsertRowid)),
  );
  // Prepared once: db.pragma() prepares a new statement on every call, twice per batch here.
  const busyTimeout = db.$client.prepare("PRAGMA busy_timeout").pluck();
  const setBusyTimeout = (ms: number) => db.$client.prepare(`PRAGMA busy_timeout = ${ms}`);
  const noWait = setBusyTimeout(0);
  const waits = new Map<number, ReturnType<typeof setBusyTimeout>>();
  const restoreBusyTimeout = (ms: number) => {
    let statement = waits.get(ms);
    if (!statement) waits.set(ms, (statement = setBusyTimeout(ms)));
    statement.get();
  };
  return { insert, insertMany, busyTimeout, noWait, restoreBusyTimeout };
}

/** Appends one update to a fiche's log and returns its row id. */
export function appendUpdate(db: Db, ficheId: number, update: Uint8Array, userId: number | null): number {
  return Number(appender(db).insert.run(ficheId, toBuffer(update), userId).lastInsertRowid);
}

/**
 * Appends several updates in one transaction: all are stored or none is. DEFERRED: its first
 * statement writes the documents file, so it takes that file's write lock alone, never the main
 * file's, which the projection worker holds (see db/documents-file.ts). Returns their row ids, in order.
 */
export function appendUpdates(db: Db, updates: readonly UpdateToStore[]): number[] {
  if (updates.length === 0) return [];
  return appender(db).insertMany.deferred(updates);
}

/**
 * Like appendUpdates, but gives up at once (null, nothing stored) when another connection holds the
 * write lock, instead of sleeping in SQLite's busy handler: that sleep would stop the socket's event
 * loop, and every broadcast with it, while the projection worker writes.
 */
export function tryAppendUpdates(db: Db, updates: readonly UpdateToStore[]): number[] | null {
  if (updates.length === 0) return [];
  const prepared = appender(db);
  const timeout = prepared.busyTimeout.get() as number;
  prepared.noWait.get();
  try {
    return prepared.insertMany.deferred(updates);
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return null;
    throw error;
  } finally {
    prepared.restoreBusyTimeout(timeout);
  }
}

/** Writes the first snapshot of a newly created fiche; throws if the fiche already has one. */
export function storeInitialDocument(db: Db, ficheId: number, state: Uint8Array): void {
  Y.decodeUpdate(state);
  transactionWriting(db, "documents", () => {
    const existing = db.select({ ficheId: ficheDocument.ficheId }).from(ficheDocument).where(eq(ficheDocument.ficheId, ficheId)).get();
    if (existing) throw new Error(`Fiche ${ficheId} already has a stored document; refusing to overwrite it`);
    db.insert(ficheDocument).values({ ficheId, snapshot: toBuffer(state), compactedAt: new Date() }).run();
  });
}

type StoredRows = { snapshot: Buffer | null; updates: { id: number; update: Buffer }[] };

function readStoredRows(db: Db, ficheId: number): StoredRows {
  const doc = db.select({ snapshot: ficheDocument.snapshot }).from(ficheDocument).where(eq(ficheDocument.ficheId, ficheId)).get();
  const updates = db
    .select({ id: ficheUpdate.id, update: ficheUpdate.update })
    .from(ficheUpdate)
    .where(eq(ficheUpdate.ficheId, ficheId))
    .orderBy(asc(ficheUpdate.id))
    .all();
  return { snapshot: doc?.snapshot ?? null, updates };
}

/**
 * Applies the logged updates to `doc`, merged in one go when they are all readable, else one by one:
 * one unreadable row (a crafted update that passed validation, a bug of an older version) must not
 * make the whole fiche unloadable. Returns the ids of the rows that could not be applied.
 */
function applyLoggedUpdates(ficheId: number, doc: Y.Doc, rows: StoredRows["updates"], origin: unknown, logger: CollabLogger): number[] {
  if (rows.length === 0) return [];
  try {
    Y.applyUpdate(doc, rows.length === 1 ? rows[0].update : Y.mergeUpdates(rows.map((r) => r.update)), origin);
    return [];
  } catch {
    // Fall through: find the culprit row by row.
  }
  const discarded: number[] = [];
  for (const row of rows) {
    try {
      Y.applyUpdate(doc, row.update, origin);
    } catch (error) {
      discarded.push(row.id);
      logger.error(`fiche ${ficheId}: skipped unreadable update #${row.id} (${row.update.length} bytes): ${errorMessage(error)}`);
    }
  }
  return discarded;
}

/**
 * Forgets structs and deletions that wait for content the document will never receive. Clients'
 * updates are checked so that none arise (update-check.ts), but documents stored before that check
 * may hold megabytes of them, which every snapshot would otherwise carry forever.
 */
export function dropPending(ficheId: number, doc: Y.Doc, logger: CollabLogger): void {
  if (!doc.store.pendingStructs && !doc.store.pendingDs) return;
  logger.warn(`fiche ${ficheId}: dropped content that could never integrate (pending structs or deletions)`);
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
}

/** A fiche's document as loaded from storage, with the sizes that drive compaction and limits. */
export type LoadedDocument = { doc: Y.Doc; snapshotBytes: number; logCount: number; logBytes: number; logIds: number[] };

/** Loads a fiche's document (snapshot plus logged updates) into a new Y.Doc; null when nothing is stored. */
export function loadDocument(db: Db, ficheId: number, logger: CollabLogger = consoleLogger): LoadedDocument | null {
  const rows = readStoredRows(db, ficheId);
  if (!rows.snapshot && rows.updates.length === 0) return null;
  const doc = scratchDoc();
  if (rows.snapshot) Y.applyUpdate(doc, rows.snapshot);
  applyLoggedUpdates(ficheId, doc, rows.updates, null, logger);
  dropPending(ficheId, doc, logger);
  return {
    doc,
    snapshotBytes: rows.snapshot?.length ?? 0,
    logCount: rows.updates.length,
    logBytes: rows.updates.reduce((sum, r) => sum + r.update.length, 0),
    logIds: rows.updates.map((r) => r.id),
  };
}

/** The stored state of a fiche (snapshot merged with the logged updates) as one update; null when nothing is stored. */
export function loadDocumentState(db: Db, ficheId: number, logger: CollabLogger = consoleLogger): Uint8Array | null {
  const loaded = loadDocument(db, ficheId, logger);
  if (!loaded) return null;
  const state = Y.encodeStateAsUpdate(loaded.doc);
  loaded.doc.destroy();
  return state;
}

/** How many updates the fiche's log holds and their total size, to decide when to compact. */
export function getUpdateLogStats(db: Db, ficheId: number): { count: number; bytes: number } {
  const row = db
    .select({ count: sql<number>`count(*)`, bytes: sql<number>`coalesce(sum(length(${ficheUpdate.update})), 0)` })
    .from(ficheUpdate)
    .where(eq(ficheUpdate.ficheId, ficheId))
    .get();
  return { count: row?.count ?? 0, bytes: row?.bytes ?? 0 };
}

export type CompactOptions = {
  /**
   * The fiche's live document, when a server holds one: the log is applied into it (other writers'
   * updates reach its peers) and the snapshot is encoded from it, which spares rebuilding the
   * document from storage.
   */
  liveDoc?: Y.Doc;
  /**
   * Log rows `liveDoc` already holds (those it was loaded with, and those applied to it since):
   * they are neither read nor applied again. Merging 500 updates to find them all no-ops was most of
   * a compaction's time, on the socket's event loop.
   */
  appliedLogIds?: ReadonlySet<number>;
  /** Transaction origin for what the log adds to `liveDoc`. */
  origin?: unknown;
  logger?: CollabLogger;
};

/**
 * Folds the log into the snapshot in one transaction (the documents file's write lock), deleting
 * exactly the rows it read: an update appended by anyone after the read stays in the log, so it is never lost.
 */
export function compactDocument(db: Db, ficheId: number, options: CompactOptions = {}): CompactionResult {
  const logger = options.logger ?? consoleLogger;
  return transactionWriting(db, "documents", () => {
    const ids = db.$client.prepare<[number], number>("SELECT id FROM fiche_update WHERE fiche_id = ? ORDER BY id").pluck().all(ficheId);
    const snapshotRow = db.select({ snapshot: ficheDocument.snapshot }).from(ficheDocument).where(eq(ficheDocument.ficheId, ficheId)).get();
    if (ids.length === 0) {
      return { foldedUpdates: 0, discardedUpdates: 0, snapshotBytes: snapshotRow?.snapshot.length ?? 0 };
    }
    let doc = options.liveDoc;
    if (!doc) {
      doc = scratchDoc();
      if (snapshotRow) Y.applyUpdate(doc, snapshotRow.snapshot);
    }
    const applied = options.liveDoc ? options.appliedLogIds : undefined;
    const readUpdate = db.$client.prepare<[number], Buffer>('SELECT "update" FROM fiche_update WHERE id = ?').pluck();
    const missing = ids.filter((id) => !applied?.has(id)).map((id) => ({ id, update: readUpdate.get(id)! }));
    const discarded = applyLoggedUpdates(ficheId, doc, missing, options.origin ?? null, logger);
    dropPending(ficheId, doc, logger);
    const snapshot = toBuffer(Y.encodeStateAsUpdate(doc));
    if (!options.liveDoc) doc.destroy();
    const compactedAt = new Date();
    db.insert(ficheDocument)
      .values({ ficheId, snapshot, compactedAt })
      .onConflictDoUpdate({ target: ficheDocument.ficheId, set: { snapshot, compactedAt } })
      .run();
    // Every row of the fiche up to the last one read: no other connection can append while this holds the write lock.
    db.$client.prepare("DELETE FROM fiche_update WHERE fiche_id = ? AND id <= ?").run(ficheId, ids.at(-1)!);
    return {
      foldedUpdates: ids.length - discarded.length,
      discardedUpdates: discarded.length,
      snapshotBytes: snapshot.length,
    };
  });
}

import * as Y from "yjs";
import { readTogether, type Db } from "@/db/client";
import { dropPending, loadDocument } from "../collab/persistence";
import type { CollabLogger } from "../collab/log";

// Which compaction a cached document was read after: its time and the snapshot's size, together.
type SnapshotMark = string | null;

// `bytes`: what was read from storage to build the document, the measure of what it holds in memory.
type Cached = { doc: Y.Doc; snapshot: SnapshotMark; lastUpdateId: number; bytes: number };

/**
 * How much one projection thread keeps between projections: at most this many fiches' documents,
 * built from at most this many stored bytes. A document in memory takes several times its stored
 * size (about 250 bytes per character typed one at a time, against 25 to 30 stored), and one may be
 * stored up to 8 MB (limits.ts): counting documents alone bounded nothing.
 */
export type StoredDocumentsCapacity = { documents: number; bytes: number };
const DEFAULT_CAPACITY: StoredDocumentsCapacity = { documents: 128, bytes: 16 * 1024 * 1024 };

/**
 * The fiches' documents as stored, read by the projection thread itself: the socket's thread only
 * says which fiche changed, instead of encoding its whole state and copying it to the worker at
 * every pause in typing. A fiche read before is brought up to date with the log rows appended
 * since (ids only grow: AUTOINCREMENT); a compaction since then (a new time or size of the snapshot)
 * reloads it. What the collaboration
 * server broadcasts is stored first, so storage always holds at least what its peers have seen.
 */
export class StoredDocuments {
  private readonly cache = new Map<number, Cached>();
  private readonly statements: { snapshotMark: (ficheId: number) => SnapshotMark | undefined; updatesAfter: (ficheId: number, id: number) => { id: number; update: Buffer }[] };

  constructor(
    private readonly db: Db,
    private readonly logger: CollabLogger,
    private readonly capacity: StoredDocumentsCapacity = DEFAULT_CAPACITY,
  ) {
    const snapshotMark = db.$client
      .prepare<[number], string>("SELECT compacted_at || '/' || length(snapshot) FROM fiche_document WHERE fiche_id = ?")
      .pluck();
    const updatesAfter = db.$client.prepare<[number, number], { id: number; update: Buffer }>(
      'SELECT id, "update" FROM fiche_update WHERE fiche_id = ? AND id > ? ORDER BY id',
    );
    this.statements = { snapshotMark: (ficheId) => snapshotMark.get(ficheId), updatesAfter: (ficheId, id) => updatesAfter.all(ficheId, id) };
  }

  /** The fiche's stored document, up to date; null when nothing is stored. The caller must not keep or change it. */
  read(ficheId: number): Y.Doc | null {
    // One read transaction: a compaction committing between the two reads cannot be half seen.
    return readTogether(this.db, () => this.readNow(ficheId));
  }

  private readNow(ficheId: number): Y.Doc | null {
    const snapshot = this.statements.snapshotMark(ficheId) ?? null;
    const cached = this.cache.get(ficheId);
    if (cached && cached.snapshot === snapshot) {
      const rows = this.statements.updatesAfter(ficheId, cached.lastUpdateId);
      if (rows.length > 0) {
        // Rows were checked when they came in; one that still fails gets the full load's row-by-row care.
        try {
          Y.applyUpdate(cached.doc, rows.length === 1 ? rows[0].update : Y.mergeUpdates(rows.map((r) => r.update)));
          dropPending(ficheId, cached.doc, this.logger);
          cached.lastUpdateId = rows.at(-1)!.id;
          cached.bytes += rows.reduce((sum, r) => sum + r.update.length, 0);
        } catch {
          return this.reload(ficheId, snapshot);
        }
      }
      this.touch(ficheId, cached);
      return cached.doc;
    }
    return this.reload(ficheId, snapshot);
  }

  private reload(ficheId: number, snapshot: SnapshotMark): Y.Doc | null {
    this.forget(ficheId);
    const loaded = loadDocument(this.db, ficheId, this.logger);
    if (!loaded) return null;
    this.touch(ficheId, { doc: loaded.doc, snapshot, lastUpdateId: loaded.logIds.at(-1) ?? 0, bytes: loaded.snapshotBytes + loaded.logBytes });
    return loaded.doc;
  }

  // A Map iterates in insertion order: re-inserting on use makes the first entry the least recently used.
  // The entry just used stays, whatever its size: its document is being handed out.
  private touch(ficheId: number, entry: Cached): void {
    this.cache.delete(ficheId);
    this.cache.set(ficheId, entry);
    while (this.cache.size > 1 && (this.cache.size > this.capacity.documents || this.cachedBytes() > this.capacity.bytes)) {
      this.forget(this.cache.keys().next().value!);
    }
  }

  /** Drops a fiche's cached document (it is read again from storage next time). */
  forget(ficheId: number): void {
    this.cache.get(ficheId)?.doc.destroy();
    this.cache.delete(ficheId);
  }

  /** What the cache holds: how many documents, built from how many stored bytes. */
  size(): StoredDocumentsCapacity {
    return { documents: this.cache.size, bytes: this.cachedBytes() };
  }

  private cachedBytes(): number {
    let sum = 0;
    for (const entry of this.cache.values()) sum += entry.bytes;
    return sum;
  }
}

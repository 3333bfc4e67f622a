import * as Y from "yjs";
import type { Db } from "@/db/client";
import { compactDocument, loadDocument } from "./persistence";
import { FicheRoom, type DocumentChangeListener, type GuardedChangeListener } from "./room";
import { errorMessage, type CollabLogger } from "./log";

/** Transaction origin of what a compaction brings into a live doc from the log (another process's writes). */
export const STORAGE_ORIGIN = Symbol("collab-storage");

export type RoomStoreOptions = {
  db: Db;
  logger: CollabLogger;
  idleUnloadMs: number;
  compactAfterUpdates: number;
  compactAfterBytes: number;
  changeDebounceMs: number;
  onDocumentChange?: DocumentChangeListener;
  onGuardedChange?: GuardedChangeListener;
  /** Called before a room is unloaded, to store what is still queued for it. */
  beforeUnload: () => void;
};

/**
 * The loaded fiches of this process. Loading and unloading are synchronous (better-sqlite3), so
 * no connection can ever see a half-loaded document, and one that arrives while a room is being
 * unloaded simply loads it again from storage, after the unload's compaction has committed.
 */
export class RoomStore {
  private readonly rooms = new Map<number, FicheRoom>();

  constructor(private readonly options: RoomStoreOptions) {}

  /** The loaded room of a fiche, if any. */
  get(ficheId: number): FicheRoom | undefined {
    return this.rooms.get(ficheId);
  }

  /** Every loaded room. */
  all(): FicheRoom[] {
    return [...this.rooms.values()];
  }

  get size(): number {
    return this.rooms.size;
  }

  /** The room of a fiche, loading its document from storage first when needed. */
  acquire(ficheId: number): FicheRoom {
    let room = this.rooms.get(ficheId);
    if (!room) {
      const loaded = loadDocument(this.options.db, ficheId, this.options.logger) ?? {
        doc: new Y.Doc(),
        snapshotBytes: 0,
        logCount: 0,
        logBytes: 0,
        logIds: [],
      };
      room = new FicheRoom(ficheId, loaded, this.options);
      this.rooms.set(ficheId, room);
      this.maybeCompact(room);
    }
    if (room.idleTimer) {
      clearTimeout(room.idleTimer);
      room.idleTimer = null;
    }
    return room;
  }

  /** To call when a room lost a member: an empty room is unloaded after idleUnloadMs. */
  release(room: FicheRoom): void {
    if (!room.live || room.members.size > 0 || room.idleTimer) return;
    room.idleTimer = setTimeout(() => {
      room.idleTimer = null;
      if (room.members.size === 0) this.unload(room);
    }, this.options.idleUnloadMs);
    room.idleTimer.unref();
  }

  /** Compacts soon when the log has grown past the thresholds. */
  maybeCompact(room: FicheRoom): void {
    if (room.compactionScheduled) return;
    if (room.logCount < this.options.compactAfterUpdates && room.logBytes < this.options.compactAfterBytes) return;
    room.compactionScheduled = true;
    setImmediate(() => {
      room.compactionScheduled = false;
      if (room.live) this.compact(room);
    });
  }

  /** Folds the fiche's log into its snapshot now; returns false (and logs) when storage failed. */
  compact(room: FicheRoom): boolean {
    try {
      const result = compactDocument(this.options.db, room.ficheId, {
        liveDoc: room.live ? room.doc : undefined,
        appliedLogIds: room.appliedLogIds,
        origin: STORAGE_ORIGIN,
        logger: this.options.logger,
      });
      room.recordCompacted(result.snapshotBytes);
      return true;
    } catch (error) {
      this.options.logger.error(`fiche ${room.ficheId}: compaction failed, the log is kept: ${errorMessage(error)}`, error);
      return false;
    }
  }

  /** Stores, compacts and frees a room; the next connection loads it again. */
  unload(room: FicheRoom): void {
    if (!room.live) return;
    this.options.beforeUnload();
    room.flushChange();
    this.compact(room);
    this.rooms.delete(room.ficheId);
    room.destroy();
  }

  /** Unloads every room (shutdown) and waits for their change callbacks. */
  async unloadAll(): Promise<void> {
    const rooms = this.all();
    for (const room of rooms) this.unload(room);
    await Promise.all(rooms.map((room) => room.settleCallbacks()));
  }
}

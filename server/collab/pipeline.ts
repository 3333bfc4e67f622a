import * as Y from "yjs";
import type { Db } from "@/db/client";
import { EditHandling } from "./edit-handling";
import { appendUpdates, tryAppendUpdates } from "./persistence";
import { encodeAckMessage, encodeSyncStep2, type AwarenessEntry } from "./protocol";
import type { CollabConnection } from "./connection";
import { refusals } from "./limits";
import type { FicheRoom } from "./room";
import type { RoomStore } from "./rooms";
import { errorMessage, type CollabLogger } from "./log";

/** A message that passed its connection's checks (connection.ts), waiting for its turn. */
export type QueuedMessage =
  | { type: "sync-step-1"; stateVector: Uint8Array }
  | { type: "sync-step-2" | "update"; update: Uint8Array; isEmpty: boolean }
  | { type: "awareness"; entries: AwarenessEntry[] }
  | { type: "query-awareness" };

/** `receivedAt`: when the socket delivered the message (performance.now()). */
type Job = { member: CollabConnection; message: QueuedMessage; receivedAt: number };

/** How long a batch may wait for the write lock without blocking, before it waits in SQLite's busy handler. */
const MAX_NONBLOCKING_WAIT_MS = 250;

/**
 * Every message of every connection goes through one queue, flushed once per event-loop turn:
 * the updates of the turn are appended to SQLite in one transaction, and only then applied to the
 * live documents and broadcast. One commit per turn instead of one per update keeps latency flat
 * under load; the queue keeps each connection's messages in order.
 */
export class MessagePipeline {
  private queue: Job[] = [];
  private scheduled = false;
  /** When the queue first found the write lock taken, if it is waiting for it. */
  private busySince: number | null = null;
  /** Per stored edit: read → checked → stored → applied → broadcast. */
  readonly handling = new EditHandling();

  constructor(
    private readonly db: Db,
    private readonly rooms: RoomStore,
    private readonly logger: CollabLogger,
    /** Told of every stored edit and its author, for the revisions. */
    private readonly onEdit?: (ficheId: number, userId: number | null) => void,
  ) {}

  /** Queues a validated message; editors' updates must already have passed the rights and size checks. */
  enqueue(member: CollabConnection, message: QueuedMessage, receivedAt: number): void {
    if (message.type === "update" || message.type === "sync-step-2") member.room.pendingBytes += message.update.length;
    this.queue.push({ member, message, receivedAt });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush({ block: false }));
    }
  }

  /**
   * Stores, applies and answers everything queued. Called from the event loop, it does not wait for
   * the write lock (the projection worker's): it tries again in a millisecond, messages kept in order,
   * and only after MAX_NONBLOCKING_WAIT_MS does it wait. Other callers (unload, shutdown, a revision
   * about to be taken) need it done now, and wait.
   */
  flush(options: { block: boolean } = { block: true }): void {
    this.scheduled = false;
    const jobs = this.queue;
    if (jobs.length === 0) return;
    this.queue = [];

    const toStore = jobs.filter(
      (job) => (job.message.type === "update" || job.message.type === "sync-step-2") && !job.message.isEmpty,
    );
    const updates = toStore.map((job) => ({
      ficheId: job.member.room.ficheId,
      update: (job.message as { update: Uint8Array }).update,
      userId: job.member.userId,
    }));
    let stored = true;
    const logIds = new Map<Job, number>();
    try {
      const block = options.block || (this.busySince !== null && performance.now() - this.busySince > MAX_NONBLOCKING_WAIT_MS);
      const ids = block ? appendUpdates(this.db, updates) : tryAppendUpdates(this.db, updates);
      if (!ids) {
        this.busySince ??= performance.now();
        this.queue = jobs.concat(this.queue);
        this.scheduled = true;
        setTimeout(() => this.flush({ block: false }), 1);
        return;
      }
      this.busySince = null;
      toStore.forEach((job, i) => logIds.set(job, ids[i]));
    } catch (error) {
      stored = false;
      this.logger.error(`could not store ${toStore.length} updates: ${errorMessage(error)}`, error);
    }

    const acks = new Set<CollabConnection>();
    const touched = new Set<FicheRoom>();
    for (const job of jobs) {
      // One message's failure closes its own connection; the rest of the batch goes on.
      try {
        this.handle(job, stored ? (logIds.get(job) ?? null) : null, acks, touched);
      } catch (error) {
        this.logger.error(`${job.member.label}: ${job.message.type} could not be handled: ${errorMessage(error)}`, error);
        job.member.refuse(refusals.malformed(`${job.message.type} could not be handled`));
      }
    }
    for (const job of jobs) job.member.room.clearAccepted();
    for (const member of acks) {
      if (member.room.live) member.send(encodeAckMessage(Y.encodeStateVector(member.room.doc)));
    }
    for (const room of touched) this.rooms.maybeCompact(room);
    if (stored) {
      const done = performance.now();
      for (const job of toStore) this.handling.record(job.receivedAt, done);
    }
  }

  /** `logId`: the row that stored the job's update; null when storing failed (or there was nothing to store). */
  private handle({ member, message }: Job, logId: number | null, acks: Set<CollabConnection>, touched: Set<FicheRoom>): void {
    const room = member.room;
    switch (message.type) {
      case "update":
      case "sync-step-2":
        room.pendingBytes -= message.update.length;
        if (!message.isEmpty) {
          if (logId === null) {
            member.refuse(refusals.storageFailed());
            return;
          }
          room.recordStored(message.update.length);
          touched.add(room);
          this.onEdit?.(room.ficheId, member.userId);
          // Applied even when the sender left meanwhile: it is stored, so peers must see it.
          if (room.live && this.apply(member, message.update)) room.appliedLogIds.add(logId);
        }
        if (member.wantsAck && !member.closed) acks.add(member);
        return;
      case "sync-step-1":
        if (!member.closed && room.live) member.send(encodeSyncStep2(room.doc, message.stateVector));
        return;
      case "awareness":
        if (!member.closed && room.live) room.applyAwareness(member, message.entries);
        return;
      case "query-awareness": {
        const all = member.closed || !room.live ? null : room.encodeAllAwareness();
        if (all) member.send(all);
        return;
      }
    }
  }

  /** Applies a stored update to the room's document; false (and the sender closed) when it could not. */
  private apply(member: CollabConnection, update: Uint8Array): boolean {
    try {
      Y.applyUpdate(member.room.doc, update, member);
      return true;
    } catch (error) {
      // Stored already; loading skips it if it is truly unreadable (see persistence.ts).
      this.logger.error(`${member.label}: stored update could not be applied: ${errorMessage(error)}`, error);
      member.refuse(refusals.malformed("update could not be applied"));
      return false;
    }
  }
}

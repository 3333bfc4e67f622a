import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { encodeAwarenessEntries, encodeAwarenessMessage, encodeUpdateMessage, type AwarenessEntry } from "./protocol";
import { acteursMap, setField } from "@/lib/fiche/document";
import type { FicheActeurRole } from "@/lib/fiche/values";
import { changesPorteur } from "@/lib/policies/fiche";
import { CollabConnection } from "./connection";
import { Debounce } from "./debounce";
import type { CollabLogger } from "./log";
import { errorMessage } from "./log";

export type DocumentChangeListener = (ficheId: number, doc: Y.Doc) => void | Promise<void>;

/** Roles to give back to acteurs (undefined: remove it) after a connection that may not manage the fiche changed its porteurs. */
export type PorteurRestore = [acteurKey: string, role: FicheActeurRole | undefined][];
/**
 * Told when a socket edit touched a fiche's acteurs or lieux, which the content rules and the
 * governance constrain: with the porteur changes to undo, if the connection may not make them.
 */
export type GuardedChangeListener = (ficheId: number, member: CollabConnection, restore: PorteurRestore) => void;

/**
 * A loaded fiche: its live document, the awareness of who is there, and the open connections.
 * Every update applied to `doc` has been stored first (see pipeline.ts), so the doc never holds
 * anything storage could lose.
 */
export class FicheRoom {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly members = new Set<CollabConnection>();
  /** Upper bound of the stored size: snapshot plus every update logged since. */
  storedBytes: number;
  logCount: number;
  logBytes: number;
  /** The log rows `doc` holds: a compaction need not read or apply them again. */
  readonly appliedLogIds: Set<number>;
  /** Bytes of accepted updates still waiting in the pipeline. */
  pendingBytes = 0;
  live = true;
  idleTimer: NodeJS.Timeout | null = null;
  compactionScheduled = false;
  /**
   * Debounces onDocumentChange: it runs once typing pauses for changeDebounceMs, and at least every
   * 5 × changeDebounceMs under continuous typing so the projection never lags far behind.
   */
  private readonly pendingChange: Debounce;
  private readonly awarenessOwners = new Map<number, CollabConnection>();
  /** Per client id, the clock its updates accepted but not yet applied reach (see update-check.ts). */
  private readonly acceptedClocks = new Map<number, number>();
  private readonly pendingCallbacks = new Set<Promise<void>>();

  constructor(
    readonly ficheId: number,
    loaded: { doc: Y.Doc; snapshotBytes: number; logCount: number; logBytes: number; logIds: number[] },
    private readonly options: {
      logger: CollabLogger;
      changeDebounceMs: number;
      onDocumentChange?: DocumentChangeListener;
      onGuardedChange?: GuardedChangeListener;
    },
  ) {
    this.doc = loaded.doc;
    this.pendingChange = new Debounce(
      { quietMs: options.changeDebounceMs, maxWaitMs: 5 * options.changeDebounceMs },
      () => void this.runChange(),
    );
    this.storedBytes = loaded.snapshotBytes + loaded.logBytes;
    this.logCount = loaded.logCount;
    this.logBytes = loaded.logBytes;
    this.appliedLogIds = new Set(loaded.logIds);
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server is not a participant: without this it would show as one more peer.
    this.awareness.setLocalState(null);
    this.doc.on("update", this.onDocUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
    acteursMap(this.doc).observe(this.onActeursChange);
    setField(this.doc, "lieux").observe(this.onLieuxChange);
  }

  /**
   * Porteurs are governance: a socket edit by someone who may not manage the fiche that makes or
   * unmakes one is reported, to be undone at once (server.ts). The socket carries raw Yjs updates,
   * so this is checked on what they did to the document, not on what they say.
   */
  private onActeursChange = (event: Y.YMapEvent<FicheActeurRole>, transaction: Y.Transaction): void => {
    const member = transaction.origin;
    if (!(member instanceof CollabConnection)) return;
    const restore: PorteurRestore = [];
    for (const [key, change] of event.changes.keys) {
      const before = change.action === "add" ? undefined : (change.oldValue as FicheActeurRole);
      if (!member.canManage && changesPorteur(before, event.target.get(key))) restore.push([key, before]);
    }
    this.options.onGuardedChange?.(this.ficheId, member, restore);
  };

  private onLieuxChange = (_event: Y.YMapEvent<true>, transaction: Y.Transaction): void => {
    if (transaction.origin instanceof CollabConnection) this.options.onGuardedChange?.(this.ficheId, transaction.origin, []);
  };

  private onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const message = encodeUpdateMessage(update);
    for (const member of this.members) if (member !== origin) member.send(message);
    this.scheduleChange();
  };

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = added.concat(updated, removed);
    const message = encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const member of this.members) if (member !== origin) member.send(message);
  };

  /** The clock a client reaches in this document, counting updates accepted but still queued. */
  knownClock(client: number): number {
    return Math.max(Y.getState(this.doc.store, client), this.acceptedClocks.get(client) ?? 0);
  }

  /** Records the clocks an accepted update reaches, so that the next updates may build on it before it is applied. */
  recordAccepted(ends: ReadonlyMap<number, number>): void {
    for (const [client, clock] of ends) if (clock > this.knownClock(client)) this.acceptedClocks.set(client, clock);
  }

  /** Forgets accepted clocks once the queue that held their updates has been applied. */
  clearAccepted(): void {
    // Clearing a Map allocates its new table even when it is empty, and this runs for every message.
    if (this.acceptedClocks.size > 0) this.acceptedClocks.clear();
  }

  /** Records that `bytes` more were appended to the fiche's log. */
  recordStored(bytes: number): void {
    this.storedBytes += bytes;
    this.logCount += 1;
    this.logBytes += bytes;
  }

  /** Records a compaction: the log is empty and the stored size is the snapshot's. */
  recordCompacted(snapshotBytes: number): void {
    this.storedBytes = snapshotBytes;
    this.logCount = 0;
    this.logBytes = 0;
    this.appliedLogIds.clear();
  }

  /**
   * Applies awareness entries from a member, whose identity fields the connection has already set.
   * Entries for a client id another member speaks for are dropped: one connection must not hide or
   * impersonate another's presence.
   */
  applyAwareness(member: CollabConnection, entries: AwarenessEntry[]): void {
    const allowed = entries.filter((e) => {
      const owner = this.awarenessOwners.get(e.clientId);
      return owner === undefined || owner === member;
    });
    // y-websocket clients echo every state they receive: said once per connection, not per caret move.
    if (allowed.length < entries.length && !member.reportedForeignAwareness) {
      member.reportedForeignAwareness = true;
      this.options.logger.info(`${member.label}: dropped ${entries.length - allowed.length} awareness entries of other connections`);
    }
    if (allowed.length === 0) return;
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(allowed), member);
    } catch (error) {
      // Never keep a state the room cannot relay: every newcomer would be cut off by it.
      this.forgetAwareness(allowed.map((e) => e.clientId));
      throw error;
    }
    for (const e of allowed) {
      if (e.state === null) {
        this.awarenessOwners.delete(e.clientId);
        member.awarenessIds.delete(e.clientId);
      } else {
        this.awarenessOwners.set(e.clientId, member);
        member.awarenessIds.add(e.clientId);
      }
    }
  }

  /** Removes client ids' states without telling anyone, and frees their bookkeeping. */
  private forgetAwareness(ids: number[]): void {
    for (const id of ids) {
      this.awareness.states.delete(id);
      this.awareness.meta.delete(id);
    }
  }

  /** The awareness message describing everyone present, for a newcomer or a query. */
  encodeAllAwareness(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length === 0) return null;
    return encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
  }

  /** Removes a member and tells the others it left. */
  removeMember(member: CollabConnection): void {
    if (!this.members.delete(member)) return;
    const ids = [...member.awarenessIds].filter((id) => this.awarenessOwners.get(id) === member);
    for (const id of ids) this.awarenessOwners.delete(id);
    member.awarenessIds.clear();
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
    // y-protocols keeps the clock of every client that ever came; a long-lived room would only grow.
    for (const id of ids) this.awareness.meta.delete(id);
  }

  private scheduleChange(): void {
    if (this.options.onDocumentChange && this.live) this.pendingChange.touch();
  }

  /** Runs a pending onDocumentChange now (on unload, shutdown, or for a caller that answers with the projection); settles when it has. */
  flushChange(): Promise<void> {
    if (!this.pendingChange.pending) return Promise.resolve();
    this.pendingChange.cancel();
    return this.runChange();
  }

  private runChange(): Promise<void> {
    if (!this.options.onDocumentChange) return Promise.resolve();
    const report = (error: unknown) =>
      this.options.logger.error(`fiche ${this.ficheId}: onDocumentChange failed: ${errorMessage(error)}`, error);
    try {
      const result = this.options.onDocumentChange(this.ficheId, this.doc);
      if (result instanceof Promise) {
        const tracked = result.catch(report).finally(() => this.pendingCallbacks.delete(tracked));
        this.pendingCallbacks.add(tracked);
        return tracked;
      }
    } catch (error) {
      report(error);
    }
    return Promise.resolve();
  }

  /** Resolves once every asynchronous onDocumentChange started so far has settled. */
  async settleCallbacks(): Promise<void> {
    await Promise.all([...this.pendingCallbacks]);
  }

  /** Stops timers and frees the document; the room must have no members. */
  destroy(): void {
    this.live = false;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.pendingChange.cancel();
    this.doc.off("update", this.onDocUpdate);
    this.awareness.off("update", this.onAwarenessUpdate);
    acteursMap(this.doc).unobserve(this.onActeursChange);
    setField(this.doc, "lieux").unobserve(this.onLieuxChange);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

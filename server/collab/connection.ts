import WebSocket from "ws";
import type { CollabAccess } from "./auth";
import type { Heartbeat } from "./heartbeat";
import type { CollabSocket } from "./http-socket";
import { RefusalError, refusals, TokenBucket, type CollabLimits, type Refusal } from "./limits";
import type { MessagePipeline } from "./pipeline";
import { checkUpdate, UnknownContentError } from "./update-check";
import { colorForUser } from "@/lib/editor/user-color";
import type { Viewer } from "@/lib/policies/viewer";
import { decodeClientMessage, encodeSyncStep1, isDocumentWrite, ProtocolError, type ClientMessage } from "./protocol";
import type { QueuedMessage } from "./pipeline";
import type { FicheRoom } from "./room";
import type { RoomStore } from "./rooms";
import { errorMessage, type CollabLogger } from "./log";

export type ConnectionDeps = {
  limits: CollabLimits;
  logger: CollabLogger;
  pipeline: MessagePipeline;
  rooms: RoomStore;
  heartbeat: Pick<Heartbeat, "add" | "remove">;
  /** Called once a connection has left its room. */
  onLeave?: (member: CollabConnection) => void;
};

/** One open socket (or HTTP fallback session) on a fiche: checks each message, then hands it to the pipeline. */
export class CollabConnection {
  readonly userId: number | null;
  readonly wantsAck: boolean;
  readonly awarenessIds = new Set<number>();
  /** Whether the room has logged that this connection sends other connections' awareness (honest clients echo it). */
  reportedForeignAwareness = false;
  readonly label: string;
  private editor: boolean;
  private manager: boolean;
  private readonly bucket: TokenBucket;
  /** Milliseconds of this connection's messages the server may spend decoding, per second and in a burst. */
  private readonly decodeBudget: TokenBucket;
  private readonly viewer: Viewer | null;
  private droppedWrites = 0;
  private droppedUnknown = 0;
  /** Bytes of writes dropped unread or unapplied: an honest client sends a few small ones, an attacker megabytes. */
  private droppedBytes = 0;
  private awaitingResync = false;
  /** When the client last sent anything, a pong included (see heartbeat). */
  private lastHeardAt = performance.now();
  private ended = false;
  private readonly closeWaiters: (() => void)[] = [];

  constructor(
    private readonly ws: CollabSocket,
    access: CollabAccess,
    readonly room: FicheRoom,
    private readonly deps: ConnectionDeps,
  ) {
    this.userId = access.userId;
    this.wantsAck = access.wantsAck;
    this.editor = access.canEdit;
    this.manager = access.canManage;
    this.label = `fiche ${access.ficheId}, ${access.userId === null ? "anonymous" : `user ${access.userId}`}`;
    this.viewer = access.viewer;
    this.bucket = new TokenBucket(deps.limits.messagesPerSecond, deps.limits.messageBurst);
    this.decodeBudget = new TokenBucket(deps.limits.decodeMsPerSecond, deps.limits.decodeMsBurst);
    ws.on("message", (data, isBinary) => {
      this.lastHeardAt = performance.now();
      this.onMessage(data, isBinary, this.lastHeardAt);
    });
    ws.on("pong", () => (this.lastHeardAt = performance.now()));
    ws.on("close", () => this.onClose());
    ws.on("error", (error) => deps.logger.warn(`${this.label}: socket error: ${error.message}`));
  }

  /** Whether this connection's document updates are accepted. */
  get canEdit(): boolean {
    return this.editor;
  }

  /** Whether this connection may change the fiche's porteurs. */
  get canManage(): boolean {
    return this.manager;
  }

  /** Whether the socket is closing or closed; nothing is sent to it any more. */
  get closed(): boolean {
    return this.ended || this.ws.readyState !== WebSocket.OPEN;
  }

  /** Joins the room and greets the client: the server's state vector (editors only) and who is present. */
  start(): void {
    this.room.members.add(this);
    this.deps.heartbeat.add(this);
    if (this.editor) this.send(encodeSyncStep1(this.room.doc));
    const present = this.room.encodeAllAwareness();
    if (present) this.send(present);
  }

  /** Grants or withdraws edit and management rights on the open connection. */
  setRights(canEdit: boolean, canManage: boolean): void {
    this.manager = canManage;
    if (canEdit === this.editor) return;
    this.editor = canEdit;
    this.deps.logger.info(`${this.label}: ${canEdit ? "may edit again" : "is now read-only"}`);
    // Ask for what the client holds: edits dropped while it was read-only are accepted now.
    if (canEdit) this.send(encodeSyncStep1(this.room.doc));
  }

  /** Sends a message unless the socket is closed; drops a client that stopped reading. */
  send(message: Uint8Array): void {
    if (this.closed) return;
    if (this.ws.bufferedAmount > this.deps.limits.maxBufferedBytes) {
      this.refuse(refusals.tooSlow(this.ws.bufferedAmount));
      return;
    }
    this.ws.send(message);
  }

  /** Closes the connection with a code and reason the client sees, and logs why (unless `quiet`, for a mass close). */
  refuse(refusal: Refusal, options: { detail?: string; quiet?: boolean } = {}): void {
    if (this.ended) return;
    if (!options.quiet) {
      const level = refusal.code >= 4000 ? "warn" : "info";
      this.deps.logger[level](`${this.label}: closing (${refusal.code}): ${refusal.reason}${options.detail ? ` (${options.detail})` : ""}`);
    }
    this.end();
    this.ws.close(refusal.code, refusal.reason);
  }

  /** Resolves once the socket is closed; terminates it if the client does not answer in time. */
  whenClosed(timeoutMs: number): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.ws.terminate(), timeoutMs);
      this.closeWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /**
   * Pings the client when it has said nothing for `pingAfterMs` (one that just spoke is alive), or
   * terminates the socket once it has answered nothing for `deadAfterMs`: a peer whose network
   * dropped never closes its socket, and its presence would linger for minutes.
   */
  heartbeat(now: number, deadAfterMs: number, pingAfterMs: number): void {
    if (this.closed) return;
    const silentMs = now - this.lastHeardAt;
    if (silentMs < pingAfterMs) return;
    if (silentMs <= deadAfterMs) return this.ws.ping();
    this.deps.logger.info(`${this.label}: no answer for ${Math.round(silentMs)} ms, terminating`);
    // Leaves the room first, so that peers see the presence go without waiting for the socket.
    this.end();
    this.ws.terminate();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.room.removeMember(this);
    this.deps.heartbeat.remove(this);
    this.deps.rooms.release(this.room);
    this.deps.onLeave?.(this);
  }

  private onClose(): void {
    this.end();
    for (const resolve of this.closeWaiters.splice(0)) resolve();
  }

  private onMessage(data: WebSocket.RawData, isBinary: boolean, receivedAt: number): void {
    if (this.ended) return;
    if (!isBinary) return this.refuse(refusals.textFrame());
    const bytes = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;
    if (!this.bucket.take()) return this.refuse(refusals.rateLimited(this.deps.limits.messagesPerSecond));
    const { maxUpdateBytes, maxAwarenessBytes } = this.deps.limits;
    // Checked before decoding, so an oversized message costs no parsing; the frame overhead is a few bytes.
    if (bytes.length > Math.max(maxUpdateBytes, maxAwarenessBytes) + 16) {
      return this.refuse(refusals.updateTooLarge(bytes.length, maxUpdateBytes));
    }
    // A reader's writes are dropped before a single byte of them is decoded; insisting closes the connection.
    if (!this.editor && isDocumentWrite(bytes)) return this.dropReadOnlyWrite(bytes.length);
    const started = performance.now();
    try {
      const message = this.check(decodeClientMessage(bytes));
      if (message) this.deps.pipeline.enqueue(this, message, receivedAt);
    } catch (error) {
      if (error instanceof ProtocolError) return this.refuse(refusals.malformed(error.message));
      if (error instanceof RefusalError) return this.refuse(error.refusal);
      this.deps.logger.error(`${this.label}: message could not be handled: ${errorMessage(error)}`, error);
      return this.refuse(refusals.malformed("message could not be handled"));
    } finally {
      const spent = performance.now() - started;
      if (!this.ended && !this.decodeBudget.take(spent)) this.refuse(refusals.tooCostly());
    }
  }

  /** Checks a decoded message against this connection's rights and the limits; null when it is to be ignored. */
  private check(message: ClientMessage): QueuedMessage | null {
    const { maxUpdateBytes, maxAwarenessBytes } = this.deps.limits;
    switch (message.type) {
      case "sync-step-1":
        if (message.stateVector.length > maxAwarenessBytes) throw new RefusalError(refusals.updateTooLarge(message.stateVector.length, maxAwarenessBytes));
        return message;
      case "update":
      case "sync-step-2": {
        if (message.update.length > maxUpdateBytes) throw new RefusalError(refusals.updateTooLarge(message.update.length, maxUpdateBytes));
        // Rights may have been withdrawn since the first check of this message's bytes: check again.
        if (!this.editor) {
          this.dropReadOnlyWrite(message.update.length);
          return null;
        }
        const room = this.room;
        let checked;
        try {
          checked = checkUpdate(message.update, (client) => room.knownClock(client), this.deps.limits);
        } catch (error) {
          if (!(error instanceof UnknownContentError)) throw error;
          this.dropUnknownContent(error.message, message.update.length);
          return null;
        }
        this.awaitingResync = false;
        if (checked.insertsContent && this.wouldExceedDocumentLimit(message.update.length)) {
          throw new RefusalError(refusals.documentTooLarge(this.deps.limits.maxDocumentBytes));
        }
        if (!checked.isEmpty) room.recordAccepted(checked.ends);
        return { type: message.type, update: message.update, isEmpty: checked.isEmpty };
      }
      case "awareness":
        if (message.update.length > maxAwarenessBytes) throw new RefusalError(refusals.awarenessTooLarge(message.update.length, maxAwarenessBytes));
        return { type: "awareness", entries: message.entries.map((entry) => ({ ...entry, state: this.withIdentity(entry.clientId, entry.state) })) };
      case "query-awareness":
        return message;
    }
  }

  /**
   * The state as peers will see it: who this is comes from the session, never from the client.
   * A signed-in person shows under their account's name and colour, an anonymous reader as « Visiteur ».
   */
  private withIdentity(clientId: number, state: unknown): unknown {
    if (state === null || typeof state !== "object" || Array.isArray(state)) return state === null ? null : { user: this.identity(clientId) };
    return { ...state, user: this.identity(clientId) };
  }

  private identity(clientId: number): { id?: number; name: string; color: string } {
    return this.viewer
      ? { id: this.viewer.id, name: this.viewer.name, color: colorForUser(this.viewer.id) }
      : { name: "Visiteur", color: colorForUser(clientId) };
  }

  /**
   * Drops an update that cannot integrate yet, and asks once for what the client holds: its sync
   * step 2 brings the missing part and this update with it. A client that keeps sending them is closed.
   */
  private dropUnknownContent(detail: string, bytes: number): void {
    this.droppedUnknown += 1;
    this.droppedBytes += bytes;
    if (this.droppedUnknown > this.deps.limits.maxUnknownContentUpdates || this.droppedBytes > this.deps.limits.maxDroppedBytes) {
      throw new RefusalError(refusals.unknownContent(detail));
    }
    if (this.droppedUnknown === 1) this.deps.logger.info(`${this.label}: dropped an update that cannot integrate yet (${detail})`);
    if (!this.awaitingResync) {
      this.awaitingResync = true;
      this.send(encodeSyncStep1(this.room.doc));
    }
  }

  private dropReadOnlyWrite(bytes: number): void {
    this.droppedWrites += 1;
    this.droppedBytes += bytes;
    if (this.droppedWrites > this.deps.limits.maxReadOnlyWrites || this.droppedBytes > this.deps.limits.maxDroppedBytes) {
      return this.refuse(refusals.readOnly(), { detail: `${this.droppedWrites} writes (${this.droppedBytes} bytes) dropped` });
    }
    if (this.droppedWrites === 1) this.deps.logger.warn(`${this.label}: dropped a write of ${bytes} bytes from a read-only connection`);
  }

  /** Deletions are always accepted so that a full document can shrink. */
  private wouldExceedDocumentLimit(bytes: number): boolean {
    const limit = this.deps.limits.maxDocumentBytes;
    const room = this.room;
    if (room.storedBytes + room.pendingBytes + bytes <= limit) return false;
    // storedBytes counts every logged update: compact once to know the real size before refusing.
    if (room.logCount === 0) return true;
    this.deps.pipeline.flush();
    this.deps.rooms.compact(room);
    return room.storedBytes + room.pendingBytes + bytes > limit;
  }
}

import WebSocket from "ws";
import type { CollabAccess } from "./auth";
import { refusals, TokenBucket, type CollabLimits, type Refusal } from "./limits";
import type { MessagePipeline } from "./pipeline";
import { decodeClientMessage, encodeSyncStep1, ProtocolError } from "./protocol";
import type { FicheRoom } from "./room";
import type { RoomStore } from "./rooms";
import type { CollabLogger } from "./log";

export type ConnectionDeps = {
  limits: CollabLimits;
  logger: CollabLogger;
  pipeline: MessagePipeline;
  rooms: RoomStore;
  /** Called once a connection has left its room. */
  onLeave?: (member: CollabConnection) => void;
};

/** One open socket on a fiche: checks each message, then hands it to the pipeline. */
export class CollabConnection {
  readonly userId: number | null;
  readonly wantsAck: boolean;
  readonly awarenessIds = new Set<number>();
  readonly label: string;
  private editor: boolean;
  private readonly bucket: TokenBucket;
  private ended = false;
  private readonly closeWaiters: (() => void)[] = [];

  constructor(
    private readonly ws: WebSocket,
    access: CollabAccess,
    readonly room: FicheRoom,
    private readonly deps: ConnectionDeps,
  ) {
    this.userId = access.userId;
    this.wantsAck = access.wantsAck;
    this.editor = access.canEdit;
    this.label = `fiche ${access.ficheId}, ${access.userId === null ? "anonymous" : `user ${access.userId}`}`;
    this.bucket = new TokenBucket(deps.limits.messagesPerSecond, deps.limits.messageBurst);
    ws.on("message", (data, isBinary) => this.onMessage(data, isBinary));
    ws.on("close", () => this.onClose());
    ws.on("error", (error) => deps.logger.warn(`${this.label}: socket error: ${error.message}`));
  }

  /** Whether this connection's document updates are accepted. */
  get canEdit(): boolean {
    return this.editor;
  }

  /** Whether the socket is closing or closed; nothing is sent to it any more. */
  get closed(): boolean {
    return this.ended || this.ws.readyState !== WebSocket.OPEN;
  }

  /** Joins the room and greets the client: the server's state vector (editors only) and who is present. */
  start(): void {
    this.room.members.add(this);
    if (this.editor) this.send(encodeSyncStep1(this.room.doc));
    const present = this.room.encodeAllAwareness();
    if (present) this.send(present);
  }

  /** Grants or withdraws edit rights on the open connection. */
  setCanEdit(canEdit: boolean): void {
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

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.room.removeMember(this);
    this.deps.rooms.release(this.room);
    this.deps.onLeave?.(this);
  }

  private onClose(): void {
    this.end();
    for (const resolve of this.closeWaiters.splice(0)) resolve();
  }

  private onMessage(data: WebSocket.RawData, isBinary: boolean): void {
    if (this.ended) return;
    if (!isBinary) return this.refuse(refusals.textFrame());
    const bytes = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;
    if (!this.bucket.take()) return this.refuse(refusals.rateLimited(this.deps.limits.messagesPerSecond));
    const { maxUpdateBytes, maxAwarenessBytes } = this.deps.limits;
    // Checked before decoding, so an oversized message costs no parsing; the frame overhead is a few bytes.
    if (bytes.length > Math.max(maxUpdateBytes, maxAwarenessBytes) + 16) {
      return this.refuse(refusals.updateTooLarge(bytes.length, maxUpdateBytes));
    }
    let message;
    try {
      message = decodeClientMessage(bytes);
    } catch (error) {
      if (error instanceof ProtocolError) return this.refuse(refusals.malformed(error.message));
      throw error;
    }
    switch (message.type) {
      case "update":
      case "sync-step-2":
        if (message.update.length > maxUpdateBytes) return this.refuse(refusals.updateTooLarge(message.update.length, maxUpdateBytes));
        if (!this.editor) {
          if (!message.isEmpty) this.deps.logger.warn(`${this.label}: dropped ${message.type} of ${message.update.length} bytes from a read-only connection`);
          return;
        }
        if (message.insertsContent && this.wouldExceedDocumentLimit(message.update.length)) {
          return this.refuse(refusals.documentTooLarge(this.deps.limits.maxDocumentBytes));
        }
        break;
      case "awareness":
        if (message.update.length > maxAwarenessBytes) return this.refuse(refusals.awarenessTooLarge(message.update.length, maxAwarenessBytes));
        break;
    }
    this.deps.pipeline.enqueue(this, message);
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

import { CLOSE_CODES } from "@/lib/collab/messages";

/** What one connection and one fiche may cost the server. */
export type CollabLimits = {
  /** Largest Yjs update (sync step 2 or update) accepted in one message. */
  maxUpdateBytes: number;
  /** Largest awareness update accepted in one message. */
  maxAwarenessBytes: number;
  /** Largest stored size of a fiche's document; only pure deletions are accepted beyond it. */
  maxDocumentBytes: number;
  /** Sustained messages per second per connection, and the burst above it. */
  messagesPerSecond: number;
  messageBurst: number;
  /** Open connections per fiche. */
  maxClientsPerFiche: number;
  /** Bytes queued for a client that does not read; beyond it the client is dropped. */
  maxBufferedBytes: number;
  /** Structs (runs of inserted content) in one update. */
  maxStructs: number;
  /** Deleted ranges in one update. */
  maxDeleteRanges: number;
  /** Writes a read-only connection may send (they are dropped unread) before it is closed. */
  maxReadOnlyWrites: number;
  /** Updates naming content the document lacks that a connection may send (they are dropped) before it is closed. */
  maxUnknownContentUpdates: number;
  /** Bytes of such dropped writes, of both kinds, a connection may send before it is closed. */
  maxDroppedBytes: number;
  /** Milliseconds the server spends on one connection's messages, sustained per second and in a burst. */
  decodeMsPerSecond: number;
  decodeMsBurst: number;
};

export const DEFAULT_LIMITS: CollabLimits = {
  maxUpdateBytes: 1024 * 1024,
  maxAwarenessBytes: 64 * 1024,
  maxDocumentBytes: 8 * 1024 * 1024,
  // A fast typist with a caret in awareness sends ~30 messages a second; a paste or a reconnect a burst.
  messagesPerSecond: 60,
  messageBurst: 300,
  maxClientsPerFiche: 100,
  maxBufferedBytes: 16 * 1024 * 1024,
  // A paste of a long document is a few thousand structs; a select-all deletion a few thousand ranges.
  maxStructs: 100_000,
  maxDeleteRanges: 100_000,
  // A person whose rights were just withdrawn may still type a few keys before the editor knows.
  maxReadOnlyWrites: 50,
  // Typing while reconnecting sends a few such updates, once per reconnection.
  maxUnknownContentUpdates: 50,
  maxDroppedBytes: 256 * 1024,
  // Checking a 1 MB paste takes about 10 ms: a typist never comes near; an attacker is cut off after a few.
  decodeMsPerSecond: 50,
  decodeMsBurst: 250,
};

/** Merges the given limits over the defaults and checks them. */
export function resolveLimits(overrides: Partial<CollabLimits> = {}): CollabLimits {
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!(typeof value === "number" && value > 0)) throw new Error(`Collab limit ${name} must be a positive number, got ${value}`);
  }
  return limits;
}

/** A token bucket: `take()` succeeds while the average rate stays under `ratePerSecond`, with bursts up to `capacity`. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** Takes `count` tokens if available. */
  take(count = 1): boolean {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    if (this.tokens < count) return false;
    this.tokens -= count;
    return true;
  }
}

/** Why the server closes a connection: a WebSocket close code and a reason the client can show. */
export type Refusal = { code: number; reason: string };

/** Thrown while checking a message, to close its connection with this refusal. */
export class RefusalError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.reason);
  }
}

// A close reason is at most 123 bytes (RFC 6455 §5.5): keep them short and ASCII.
/** The refusals the collaboration server can send, by cause. */
export const refusals = {
  malformed: (detail: string): Refusal => ({ code: CLOSE_CODES.malformedMessage, reason: truncate(`Malformed message: ${detail}`) }),
  updateTooLarge: (bytes: number, limit: number): Refusal => ({
    code: CLOSE_CODES.tooLarge,
    reason: `Update of ${bytes} bytes exceeds the ${limit}-byte limit`,
  }),
  awarenessTooLarge: (bytes: number, limit: number): Refusal => ({
    code: CLOSE_CODES.tooLarge,
    reason: `Awareness update of ${bytes} bytes exceeds the ${limit}-byte limit`,
  }),
  documentTooLarge: (limit: number): Refusal => ({
    code: CLOSE_CODES.tooLarge,
    reason: `Document would exceed its ${limit}-byte limit; only deletions are accepted`,
  }),
  rateLimited: (rate: number): Refusal => ({
    code: CLOSE_CODES.rateLimited,
    reason: `More than ${rate} messages per second; reconnect later`,
  }),
  tooManyClients: (limit: number): Refusal => ({
    code: CLOSE_CODES.tooManyClients,
    reason: `This fiche already has ${limit} open connections; retry later`,
  }),
  tooSlow: (bytes: number): Refusal => ({
    code: CLOSE_CODES.tooSlow,
    reason: `Client is not reading: ${bytes} bytes queued`,
  }),
  unknownContent: (detail: string): Refusal => ({
    code: CLOSE_CODES.malformedMessage,
    reason: truncate(`Updates keep naming content this fiche does not have: ${detail}`),
  }),
  readOnly: (): Refusal => ({ code: CLOSE_CODES.forbidden, reason: "This connection is read-only; it kept sending changes" }),
  tooCostly: (): Refusal => ({ code: CLOSE_CODES.rateLimited, reason: "Your messages cost the server too much time; reconnect later" }),
  textFrame: (): Refusal => ({ code: CLOSE_CODES.malformedMessage, reason: "Malformed message: text frames are not part of the protocol" }),
  storageFailed: (): Refusal => ({ code: CLOSE_CODES.internalError, reason: "Could not store your update; reconnect to resend it" }),
  cannotRead: (): Refusal => ({ code: CLOSE_CODES.forbidden, reason: "You can no longer read this fiche" }),
  accountDisabled: (): Refusal => ({ code: CLOSE_CODES.forbidden, reason: "Your account is disabled or was deleted" }),
  ficheDeleted: (): Refusal => ({ code: CLOSE_CODES.ficheDeleted, reason: "This fiche was deleted" }),
  shuttingDown: (): Refusal => ({ code: CLOSE_CODES.shuttingDown, reason: "Server is shutting down" }),
};

function truncate(reason: string): string {
  const bytes = Buffer.from(reason);
  return bytes.length <= 123 ? reason : `${bytes.subarray(0, 120).toString().replace(/\uFFFD$/, "")}...`;
}

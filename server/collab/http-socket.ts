import { EventEmitter } from "node:events";
import type http from "node:http";
import { CLOSE_HEADER, encodeCloseHeader, encodeFrames, SEQ_HEADER } from "@/lib/collab/http-frames";

/** The part of a `ws` socket that a CollabConnection uses: a WebSocket, or an HttpSessionSocket. */
export type CollabSocket = {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  ping(): void;
  on(event: "message", listener: (data: Buffer, isBinary: boolean) => void): unknown;
  on(event: "pong" | "close", listener: () => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
};

// The values of WebSocket.readyState, which CollabConnection compares with ws's constants.
const OPEN = 1;
const CLOSED = 3;

type Poll = { res: http.ServerResponse; timer: NodeJS.Timeout };

/** How long after answering a poll the session counts as alive while the next one comes. */
const REPOLL_GRACE_MS = 5000;

/**
 * One HTTP fallback session seen as a socket. Messages wait in a queue, numbered, until a poll
 * confirms it has read them (`seen`): a poll answer lost on the way is sent again, never lost.
 * Unconfirmed bytes count as the socket's buffered amount, so a client that stops polling is
 * dropped like a socket that stops reading. A poll waiting is the client's answer to a ping.
 */
export class HttpSessionSocket extends EventEmitter implements CollabSocket {
  readyState = OPEN;
  private queue: { seq: number; frame: Uint8Array }[] = [];
  private nextSeq = 1;
  private queuedBytes = 0;
  private poll: Poll | null = null;
  private closeNotice: { code: number; reason: string } | null = null;
  private flushScheduled = false;
  private lastAnswerAt = -Infinity;

  constructor(readonly id: string) {
    super();
  }

  get bufferedAmount(): number {
    return this.queuedBytes;
  }

  send(data: Uint8Array): void {
    if (this.readyState !== OPEN) return;
    this.queue.push({ seq: this.nextSeq++, frame: data });
    this.queuedBytes += data.length;
    this.scheduleFlush();
  }

  /** Ends the session with a code the client reads on its next poll, with the messages still queued. */
  close(code = 1000, reason = ""): void {
    if (this.readyState === CLOSED) return;
    this.closeNotice = { code, reason };
    this.readyState = CLOSED;
    this.scheduleFlush();
    this.emit("close");
  }

  /** Ends the session at once: a later poll learns only that it is gone. */
  terminate(): void {
    if (this.readyState === CLOSED && !this.poll) return;
    this.queue = [];
    this.queuedBytes = 0;
    this.closeNotice = null;
    if (this.poll) {
      clearTimeout(this.poll.timer);
      answerGone(this.poll.res);
      this.poll = null;
    }
    const wasOpen = this.readyState !== CLOSED;
    this.readyState = CLOSED;
    if (wasOpen) this.emit("close");
  }

  ping(): void {
    // Between two polls the client is answering the last one: a loaded browser may take seconds to
    // send the next (its connections to the server are few and shared), so that gap is forgiven.
    if (this.poll || performance.now() - this.lastAnswerAt < REPOLL_GRACE_MS) this.emit("pong");
  }

  /** Hands the messages of a client's request to the connection, as a socket's frames. */
  deliver(frames: readonly Uint8Array[]): void {
    for (const frame of frames) {
      if (this.readyState !== OPEN) return;
      this.emit("message", Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength), true);
    }
  }

  /**
   * Takes a client's long poll: forgets what it has `seen`, answers at once if anything is queued
   * (or the session closed), otherwise when the next message is sent or after `holdMs`.
   */
  attachPoll(res: http.ServerResponse, seen: number, holdMs: number): void {
    while (this.queue.length > 0 && this.queue[0].seq <= seen) this.queuedBytes -= this.queue.shift()!.frame.length;
    if (this.readyState === CLOSED && !this.closeNotice) return void answerGone(res);
    // A newer poll replaces an older one (the client gave up on it, or a proxy duplicated it).
    if (this.poll) this.answer(this.poll, 204);
    const poll: Poll = { res, timer: setTimeout(() => this.poll === poll && this.answer(poll, 204), holdMs) };
    this.poll = poll;
    res.once("close", () => {
      if (this.poll !== poll) return;
      clearTimeout(poll.timer);
      this.poll = null;
    });
    this.emit("pong");
    if (this.queue.length > 0 || this.closeNotice) this.flush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // Messages sent in the same tick (a broadcast batch) leave in one answer.
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    const poll = this.poll;
    if (!poll || (this.queue.length === 0 && !this.closeNotice)) return;
    this.answer(poll, 200);
  }

  private answer(poll: Poll, status: 200 | 204): void {
    clearTimeout(poll.timer);
    if (this.poll === poll) this.poll = null;
    this.lastAnswerAt = performance.now();
    const { res } = poll;
    if (res.writableEnded || res.destroyed) return;
    const headers: http.OutgoingHttpHeaders = { "cache-control": "no-store" };
    if (status === 204) {
      res.writeHead(204, headers).end();
      return;
    }
    if (this.closeNotice) headers[CLOSE_HEADER] = encodeCloseHeader(this.closeNotice.code, this.closeNotice.reason);
    const first = this.queue[0]?.seq ?? this.nextSeq;
    const body = encodeFrames(this.queue.map((entry) => entry.frame));
    res.writeHead(200, { ...headers, "content-type": "application/octet-stream", [SEQ_HEADER]: String(first) }).end(body);
  }
}

/** Answers a poll or a send on a session that no longer exists: the client closes as after a dropped socket. */
export function answerGone(res: http.ServerResponse): void {
  if (res.writableEnded || res.destroyed) return;
  res
    .writeHead(410, { "cache-control": "no-store", "content-type": "application/json" })
    .end(JSON.stringify({ code: 1006, reason: "Session ended" }));
}

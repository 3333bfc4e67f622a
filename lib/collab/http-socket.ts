import { CLOSE_HEADER, decodeCloseHeader, decodeFrames, encodeFrames, HTTP_SESSION_PREFIX, MAX_FRAMES_PER_REQUEST, SEQ_HEADER } from "./http-frames";

type CloseLike = { code: number; reason: string; wasClean: boolean };

/** Bytes sent in one request at most; a larger message goes alone (the server takes up to four times its message limit). */
const MAX_BATCH_BYTES = 1024 * 1024;

/**
 * The collaboration socket over HTTP, shaped like a browser WebSocket so that y-websocket uses it
 * as its WebSocketPolyfill (see lib/collab/http-frames.ts for the exchange). Messages go up in
 * order, one request at a time; down, each poll says how many it has read, so that the server
 * sends again what a lost answer carried. Any failure closes it as a dropped socket would (1006):
 * y-websocket then reconnects and resynchronises. Works in browsers and in Node (tests, bench).
 */
export class HttpSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;

  binaryType = "arraybuffer";
  readyState = 0;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: CloseLike) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  private readonly openUrl: URL;
  private sessionUrl: URL | null = null;
  private seen = 0;
  private outbox: Uint8Array[] = [];
  private sending = false;
  private readonly aborter = new AbortController();
  private readonly listeners = new Map<string, Set<(event: unknown) => void>>();

  constructor(
    url: string,
    _protocols?: string | string[],
    private readonly init: { headers?: Record<string, string> } = {},
  ) {
    this.openUrl = new URL(url);
    this.openUrl.protocol = this.openUrl.protocol === "wss:" ? "https:" : "http:";
    void this.open();
  }

  addEventListener(type: string, listener: (event: unknown) => void): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }

  removeEventListener(type: string, listener: (event: unknown) => void): void {
    this.listeners.get(type)?.delete(listener);
  }

  send(data: ArrayBufferView | ArrayBuffer): void {
    if (this.readyState === this.CLOSING || this.readyState === this.CLOSED) return;
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    this.outbox.push(bytes.slice());
    void this.flush();
  }

  close(code = 1000, reason = ""): void {
    if (this.readyState === this.CLOSED) return;
    const session = this.sessionUrl;
    this.finish({ code, reason, wasClean: true });
    // Frees the server's seat at once instead of waiting for its heartbeat; best effort.
    if (session) void this.request(session, { method: "DELETE", keepalive: true, signal: undefined }).catch(() => {});
  }

  private dispatch(type: "open" | "message" | "close" | "error", event: unknown): void {
    const handler = { open: this.onopen, message: this.onmessage, close: this.onclose, error: this.onerror }[type] as ((e: unknown) => void) | null;
    handler?.call(this, event);
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }

  private request(url: URL, init: RequestInit): Promise<Response> {
    return fetch(url, {
      credentials: "same-origin",
      cache: "no-store",
      signal: this.aborter.signal,
      ...init,
      headers: { ...this.init.headers, ...(init.headers as Record<string, string> | undefined) },
    });
  }

  private async open(): Promise<void> {
    try {
      const response = await this.request(this.openUrl, { method: "POST" });
      if (!response.ok) return this.drop(`HTTP ${response.status}`);
      const { session } = (await response.json()) as { session?: unknown };
      if (typeof session !== "string" || this.readyState !== this.CONNECTING) return this.drop("no session");
      this.sessionUrl = new URL(`${HTTP_SESSION_PREFIX}/${session}`, this.openUrl);
      this.readyState = this.OPEN;
      this.dispatch("open", { type: "open" });
      void this.flush();
      await this.pollLoop(this.sessionUrl);
    } catch (error) {
      this.drop(error instanceof Error ? error.message : "network error");
    }
  }

  private async pollLoop(session: URL): Promise<void> {
    while (this.readyState === this.OPEN) {
      const url = new URL(session);
      url.searchParams.set("seen", String(this.seen));
      const response = await this.request(url, { method: "GET" });
      if (response.status === 204) continue;
      if (response.status === 410) {
        const gone = (await response.json().catch(() => ({}))) as { code?: number; reason?: string };
        return this.finish({ code: gone.code ?? 1006, reason: gone.reason ?? "", wasClean: false });
      }
      if (!response.ok) return this.drop(`HTTP ${response.status}`);
      const first = Number(response.headers.get(SEQ_HEADER));
      const frames = decodeFrames(new Uint8Array(await response.arrayBuffer()), { maxFrameBytes: Number.MAX_SAFE_INTEGER, maxFrames: Number.MAX_SAFE_INTEGER });
      frames.forEach((frame, index) => {
        const seq = first + index;
        if (seq <= this.seen || this.readyState !== this.OPEN) return;
        this.seen = seq;
        this.dispatch("message", { data: frame.slice().buffer });
      });
      const closed = decodeCloseHeader(response.headers.get(CLOSE_HEADER));
      if (closed) return this.finish({ ...closed, wasClean: true });
    }
  }

  private async flush(): Promise<void> {
    if (this.sending || !this.sessionUrl || this.readyState !== this.OPEN || this.outbox.length === 0) return;
    this.sending = true;
    try {
      while (this.outbox.length > 0 && this.readyState === this.OPEN) {
        const batch: Uint8Array[] = [];
        let bytes = 0;
        while (this.outbox.length > 0 && batch.length < MAX_FRAMES_PER_REQUEST && (batch.length === 0 || bytes + this.outbox[0].length <= MAX_BATCH_BYTES)) {
          bytes += this.outbox[0].length;
          batch.push(this.outbox.shift()!);
        }
        const response = await this.request(this.sessionUrl, {
          method: "POST",
          headers: { "content-type": "application/octet-stream" },
          body: encodeFrames(batch) as BodyInit,
        });
        // 410: the server ended the session; its close code arrives on the poll.
        if (!response.ok && response.status !== 410) return this.drop(`HTTP ${response.status}`);
      }
    } catch (error) {
      this.drop(error instanceof Error ? error.message : "network error");
    } finally {
      this.sending = false;
    }
  }

  private drop(detail: string): void {
    if (this.readyState === this.CLOSED) return;
    this.dispatch("error", { type: "error", message: detail });
    this.finish({ code: 1006, reason: "", wasClean: false });
  }

  private finish(event: CloseLike): void {
    if (this.readyState === this.CLOSED) return;
    this.readyState = this.CLOSED;
    this.outbox = [];
    this.aborter.abort();
    // As a WebSocket does, the close event comes after the call that caused it returns.
    setTimeout(() => this.dispatch("close", { type: "close", ...event }), 0);
  }
}

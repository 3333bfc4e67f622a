import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import WebSocket from "ws";
import * as Y from "yjs";
import { MESSAGE_AWARENESS, MESSAGE_SYNC } from "@/lib/collab/messages";

/**
 * A y-websocket peer built from raw frames, for bench/hostile: it sends whatever bytes it is
 * given, and reports what the server did (refused the upgrade, synced, closed, stayed silent).
 */

export type CloseInfo = { code: number; reason: string };
/** An awareness state as received; `unparsable` when its JSON could not be read. */
export type SeenState = { clock: number; state: unknown; unparsable?: string };

export type Refused = { refused: true; status: number; body: string };

const REMOTE = Symbol("remote");

export class RawPeer {
  readonly doc = new Y.Doc();
  /** Whether the server greeted this peer with a sync step 1, which it sends to editors only. */
  greetedAsEditor = false;
  syncedAt: number | null = null;
  /** Size of the server's sync step 2. */
  syncBytes = 0;
  closeInfo: CloseInfo | null = null;
  readonly awareness = new Map<number, SeenState>();
  awarenessBytes = 0;
  readonly openedAt = performance.now();
  private readonly waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data: Buffer) => this.onMessage(data));
    ws.on("close", (code, reason) => {
      this.closeInfo = { code, reason: reason.toString() };
      this.notify();
    });
    ws.on("error", () => {});
  }

  /** Opens a socket (with a session cookie when given); resolves with the peer, or the HTTP refusal of the upgrade. */
  static connect(url: string, cookie: string | null, timeoutMs = 10_000): Promise<RawPeer | Refused> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers: cookie ? { cookie } : {}, handshakeTimeout: timeoutMs });
      ws.binaryType = "nodebuffer";
      const peer = new RawPeer(ws);
      ws.once("open", () => resolve(peer));
      ws.once("unexpected-response", (_req, res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ refused: true, status: res.statusCode ?? 0, body: body.trim() }));
      });
      ws.once("error", (error) => reject(error));
    });
  }

  /** Sends our sync step 1; the server answers with a sync step 2 holding the whole document. */
  requestSync(): void {
    this.send(frame(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep1(e, this.doc)));
  }

  /** Resolves once synced, closed, or after `timeoutMs`. */
  async waitForSync(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.syncedAt === null && this.closeInfo === null && performance.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - performance.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Changes the local document and sends the resulting update. */
  edit(mutate: (doc: Y.Doc) => void): void {
    const updates: Uint8Array[] = [];
    const listen = (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) updates.push(update);
    };
    this.doc.on("update", listen);
    mutate(this.doc);
    this.doc.off("update", listen);
    for (const update of updates) this.send(updateMessage(update));
  }

  /** Sends raw bytes; resolves with the error when the socket could not take them. */
  send(bytes: Uint8Array): Promise<Error | null> {
    if (this.ws.readyState !== WebSocket.OPEN) return Promise.resolve(new Error("socket not open"));
    return new Promise((resolve) => this.ws.send(bytes, (error) => resolve(error ?? null)));
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.terminate();
    this.doc.destroy();
  }

  private notify(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  private onMessage(data: Buffer): void {
    try {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_AWARENESS) {
        this.awarenessBytes += data.length;
        for (const entry of readAwareness(decoding.readVarUint8Array(decoder))) this.awareness.set(entry.clientId, entry);
        return;
      }
      if (type !== MESSAGE_SYNC) return;
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        this.greetedAsEditor = true;
        const stateVector = decoding.readVarUint8Array(decoder);
        this.send(frame(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep2(e, this.doc, stateVector)));
        return;
      }
      const update = decoding.readVarUint8Array(decoder);
      Y.applyUpdate(this.doc, update, REMOTE);
      if (syncType === syncProtocol.messageYjsSyncStep2 && this.syncedAt === null) {
        this.syncBytes = update.length;
        this.syncedAt = performance.now();
        this.notify();
      }
    } catch {
      // A message this peer cannot read is the server's problem to report, not the benchmark's.
    }
  }
}

/** How a peer fared trying to open a socket and sync: refused, synced (and how fast), closed, or no answer. */
export type JoinResult =
  | { outcome: "refused"; status: number; body: string }
  | { outcome: "synced"; ms: number; bytes: number; editor: boolean; peer: RawPeer }
  | { outcome: "closed"; code: number; reason: string; ms: number }
  | { outcome: "timeout"; ms: number }
  | { outcome: "error"; message: string };

/** Opens a socket, asks for the document and waits for it. The caller closes `peer` when synced. */
export async function joinAndSync(url: string, cookie: string | null, timeoutMs = 10_000): Promise<JoinResult> {
  const started = performance.now();
  let peer: RawPeer | Refused;
  try {
    peer = await RawPeer.connect(url, cookie, timeoutMs);
  } catch (error) {
    return { outcome: "error", message: error instanceof Error ? error.message : String(error) };
  }
  if ("refused" in peer) return { outcome: "refused", status: peer.status, body: peer.body };
  peer.requestSync();
  await peer.waitForSync(timeoutMs - (performance.now() - started));
  const ms = performance.now() - started;
  if (peer.syncedAt !== null) return { outcome: "synced", ms: peer.syncedAt - started, bytes: peer.syncBytes, editor: peer.greetedAsEditor, peer };
  peer.close();
  if (peer.closeInfo) return { outcome: "closed", ...peer.closeInfo, ms };
  return { outcome: "timeout", ms };
}

/** One line for a JoinResult. */
export function describeJoin(result: JoinResult): string {
  switch (result.outcome) {
    case "refused":
      return `upgrade refused: HTTP ${result.status} ${result.body}`;
    case "synced":
      return `synced in ${result.ms.toFixed(0)} ms (${formatBytes(result.bytes)}, ${result.editor ? "as an editor" : "read-only"})`;
    case "closed":
      return `closed before syncing: ${result.code} ${result.reason || "(no reason)"}`;
    case "timeout":
      return `no sync within ${(result.ms / 1000).toFixed(0)} s`;
    case "error":
      return `could not connect: ${result.message}`;
  }
}

/** Bytes as B, KB or MB, with enough digits to compare sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 10 * 1024) return `${bytes} B`;
  if (bytes < 10 * 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A sync "update" message carrying `update`. */
export function updateMessage(update: Uint8Array): Uint8Array {
  return frame(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, update));
}

/** An awareness message of one entry whose JSON is given as text (it may be too deep for JSON.stringify). */
export function awarenessMessage(clientId: number, clock: number, stateJson: string): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, stateJson);
  return frame(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, encoding.toUint8Array(inner)));
}

function readAwareness(update: Uint8Array): ({ clientId: number } & SeenState)[] {
  const decoder = decoding.createDecoder(update);
  const entries: ({ clientId: number } & SeenState)[] = [];
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    try {
      entries.push({ clientId, clock, state: JSON.parse(json) });
    } catch (error) {
      entries.push({ clientId, clock, state: null, unparsable: `${json.length} chars: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return entries;
}

/**
 * A Yjs update (v1) with no struct and a delete set over invented client ids, one deleted item
 * each, from `firstClient` on, about `bytes` long. Returns it with the next unused client id.
 */
export function deletionOnlyUpdate(firstClient: number, bytes: number): { update: Uint8Array; clients: number; nextClient: number } {
  const entrySize = (client: number) => varUintLength(client) + 3;
  let clients = 0;
  let size = 1 + 5;
  while (size + entrySize(firstClient + clients) <= bytes) size += entrySize(firstClient + clients++);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, clients);
  for (let i = 0; i < clients; i++) {
    encoding.writeVarUint(encoder, firstClient + i);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 1);
  }
  return { update: encoding.toUint8Array(encoder), clients, nextClient: firstClient + clients };
}

function varUintLength(n: number): number {
  let length = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 0x80);
    length++;
  }
  return length;
}

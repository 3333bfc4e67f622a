import { afterEach, describe, expect, it, vi } from "vitest";
import * as encoding from "lib0/encoding";
import { WebsocketProvider } from "y-websocket";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { earlySocketClass } from "./early-socket";

/** A socket the test drives: it delivers events as a browser's does, to listeners and to its on* handler. */
class FakeSocket extends EventTarget {
  static created: FakeSocket[] = [];
  readonly OPEN = 1;
  readyState = 0;
  binaryType = "blob";
  sent: Uint8Array[] = [];
  closed = false;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onclose: ((event: Event) => void) | null = null;

  constructor(readonly url: string) {
    super();
    FakeSocket.created.push(this);
  }

  deliver(event: Event): void {
    if (event.type === "open") this.readyState = 1;
    if (event.type === "close") this.readyState = 3;
    this.dispatchEvent(event);
    ({ open: this.onopen, message: this.onmessage, error: this.onerror, close: this.onclose })[event.type]?.call(this, event);
  }

  send(data: Uint8Array): void {
    this.sent.push(data);
  }

  close(): void {
    this.closed = true;
  }
}

const URL = "ws://wiki.test/_collab/7?ack=1";

/** The server's answer to a new connection: its whole state, as y-websocket's sync step 2. */
function syncStep2(from: Y.Doc): MessageEvent {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep2(encoder, from);
  return new MessageEvent("message", { data: encoding.toUint8Array(encoder).slice().buffer });
}

function providerFor(doc: Y.Doc, Socket: typeof WebSocket): WebsocketProvider {
  return new WebsocketProvider("ws://wiki.test/_collab", "7", doc, { params: { ack: "1" }, disableBc: true, WebSocketPolyfill: Socket });
}

const providers: WebsocketProvider[] = [];

afterEach(() => {
  for (const provider of providers.splice(0)) provider.destroy();
  FakeSocket.created = [];
  vi.useRealTimers();
});

describe("earlySocketClass", () => {
  it("hands the provider what the socket received before it existed, in order", async () => {
    const sockets = earlySocketClass(FakeSocket as unknown as typeof WebSocket);
    sockets.openEarly(URL);
    const [early] = FakeSocket.created;
    expect(early.binaryType).toBe("arraybuffer");
    const server = new Y.Doc();
    server.getText("titre").insert(0, "Atelier numérique");
    early.deliver(new Event("open"));
    early.deliver(syncStep2(server));

    const doc = new Y.Doc();
    const provider = providerFor(doc, sockets.Socket);
    providers.push(provider);
    await Promise.resolve();

    expect(FakeSocket.created).toHaveLength(1);
    expect(provider.ws).toBe(early);
    expect(provider.wsconnected).toBe(true);
    // Sync step 1 and the awareness state, sent when the provider learnt that the socket was open.
    expect(early.sent.length).toBeGreaterThanOrEqual(2);
    expect(provider.synced).toBe(true);
    expect(doc.getText("titre").toString()).toBe("Atelier numérique");
  });

  it("replays a close that came first, and the provider reconnects on a new socket", async () => {
    vi.useFakeTimers();
    const sockets = earlySocketClass(FakeSocket as unknown as typeof WebSocket);
    sockets.openEarly(URL);
    FakeSocket.created[0].deliver(Object.assign(new Event("close"), { code: 1006, reason: "", wasClean: false }));

    const provider = providerFor(new Y.Doc(), sockets.Socket);
    providers.push(provider);
    await Promise.resolve();
    expect(provider.ws).toBeNull();
    await vi.advanceTimersByTimeAsync(1000);

    expect(FakeSocket.created).toHaveLength(2);
    expect(provider.ws).toBe(FakeSocket.created[1]);
  });

  it("gives another URL a socket of its own", () => {
    const sockets = earlySocketClass(FakeSocket as unknown as typeof WebSocket);
    sockets.openEarly("ws://wiki.test/_collab/8?ack=1");
    providers.push(providerFor(new Y.Doc(), sockets.Socket));

    expect(FakeSocket.created.map((socket) => socket.url)).toEqual(["ws://wiki.test/_collab/8?ack=1", URL]);
  });

  it("closes a socket nobody adopts", () => {
    vi.useFakeTimers();
    const sockets = earlySocketClass(FakeSocket as unknown as typeof WebSocket);
    sockets.openEarly(URL);
    vi.advanceTimersByTime(15_000);

    expect(FakeSocket.created[0].closed).toBe(true);
  });
});

/**
 * Collaboration sockets opened before their y-websocket provider exists: the editor opens its
 * fiche's socket on its first render, while hydration and the editor's code (Yjs, Tiptap) still
 * take the browser's main thread, so that the handshake and the server's first messages overlap
 * that wait instead of following it. Browser-only, and free of Yjs (see socket-url.ts).
 */

const EVENT_TYPES = ["open", "message", "error", "close"] as const;
type EventType = (typeof EVENT_TYPES)[number];
type Handler = ((event: unknown) => void) | null;

/** An early socket nobody adopted (the editor never mounted) is closed after this, freeing its seat on the server. */
const UNCLAIMED_MS = 15_000;

/**
 * A socket opened ahead of its provider. What it receives meanwhile is kept in order and replayed,
 * once the provider has set its handlers, as the socket would have delivered it: the server's sync
 * step 2 must never be lost, or the editor would wait for « Enregistré » forever.
 */
export class EarlySocket {
  private readonly missed: { type: EventType; event: unknown }[] = [];
  private readonly record = (event: Event) => this.missed.push({ type: event.type as EventType, event });

  constructor(readonly socket: WebSocket) {
    // y-websocket sets it too, but only once it adopts the socket: messages may arrive before.
    socket.binaryType = "arraybuffer";
    for (const type of EVENT_TYPES) socket.addEventListener(type, this.record);
  }

  /** The socket, for a provider that sets its on* handlers right away; what was missed reaches them next. */
  adopt(): WebSocket {
    const { socket } = this;
    for (const type of EVENT_TYPES) socket.removeEventListener(type, this.record);
    const missed = this.missed.splice(0);
    // A microtask: after the provider's constructor has set the handlers, and before any event
    // still to come, which needs a task of its own.
    queueMicrotask(() => {
      for (const { type, event } of missed) {
        const handlers = socket as unknown as Record<`on${EventType}`, Handler>;
        handlers[`on${type}`]?.call(socket, event);
      }
    });
    return socket;
  }
}

/**
 * A WebSocketPolyfill for y-websocket built on `Socket`, whose sockets may be opened ahead with
 * `openEarly(url)`: the provider's first connection to that URL adopts it; every other connection
 * (a reconnection, another URL) gets a new socket.
 */
export function earlySocketClass(Socket: typeof WebSocket): { Socket: typeof WebSocket; openEarly: (url: string) => void } {
  const early = new Map<string, EarlySocket>();

  function openEarly(url: string): void {
    if (early.has(url)) return;
    const ahead = new EarlySocket(new Socket(url));
    early.set(url, ahead);
    setTimeout(() => {
      if (early.get(url) !== ahead) return;
      early.delete(url);
      ahead.socket.close();
    }, UNCLAIMED_MS);
  }

  // A constructor that returns another object: y-websocket calls `new WebSocketPolyfill(url)`.
  const AdoptingSocket = function AdoptingSocket(url: string, protocols?: string | string[]) {
    const ahead = early.get(url);
    if (!ahead) return new Socket(url, protocols);
    early.delete(url);
    return ahead.adopt();
  } as unknown as typeof WebSocket;

  return { Socket: AdoptingSocket, openEarly };
}

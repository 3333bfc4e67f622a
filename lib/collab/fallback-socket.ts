import { HttpSocket } from "./http-socket";

export type FallbackOptions = {
  /** WebSocket attempts that fail before opening, in a row and while online, before switching to HTTP. Default 2. */
  failuresBeforeFallback?: number;
  /** While on HTTP, how often a WebSocket is tried again in the background. Default 5 minutes. */
  retryWebSocketAfterMs?: number;
  /** Builds the WebSocket (tests pass Node's); defaults to the browser's. */
  createWebSocket?: (url: string) => WebSocket;
  /** Builds the HTTP socket (tests pass one with a session cookie). */
  createHttpSocket?: (url: string) => HttpSocket;
};

/** Why an HTTP socket is closed to let the provider reconnect over a WebSocket again. */
export const TRANSPORT_CHANGE_CODE = 4000;

/**
 * A WebSocketPolyfill for y-websocket that uses a WebSocket while upgrades work, and the HTTP
 * fallback once they fail before opening (a proxy that blocks them), by itself. While on HTTP it
 * tries a WebSocket in the background now and then; when one opens, the HTTP socket is closed and
 * the provider reconnects at once over a WebSocket. Failures while the browser is offline do not
 * count: nothing would work then.
 */
export function fallbackSocketClass(options: FallbackOptions = {}): typeof WebSocket {
  const failuresBeforeFallback = options.failuresBeforeFallback ?? 2;
  const retryMs = options.retryWebSocketAfterMs ?? 5 * 60_000;
  const createWebSocket = options.createWebSocket ?? ((url: string) => new WebSocket(url));
  const createHttpSocket = options.createHttpSocket ?? ((url: string) => new HttpSocket(url));
  const online = () => typeof navigator === "undefined" || navigator.onLine !== false;
  let failures = 0;
  let useHttp = false;

  function watchWebSocket(ws: WebSocket, onOpen?: () => void): WebSocket {
    let opened = false;
    ws.addEventListener("open", () => {
      opened = true;
      failures = 0;
      useHttp = false;
      onOpen?.();
    });
    ws.addEventListener("close", () => {
      if (opened || !online()) return;
      failures += 1;
      if (failures >= failuresBeforeFallback) useHttp = true;
    });
    return ws;
  }

  function httpWithRetries(url: string): HttpSocket {
    const socket = createHttpSocket(url);
    const timer = setInterval(() => {
      if (socket.readyState === socket.CLOSED) return clearInterval(timer);
      if (socket.readyState !== socket.OPEN) return;
      const probe = watchWebSocket(createWebSocket(url), () => {
        clearInterval(timer);
        probe.close();
        socket.close(TRANSPORT_CHANGE_CODE, "WebSocket available again");
      });
    }, retryMs);
    socket.addEventListener("close", () => clearInterval(timer));
    return socket;
  }

  // A constructor that returns another object: y-websocket calls `new WebSocketPolyfill(url)`.
  return function FallbackSocket(url: string) {
    return useHttp ? httpWithRetries(url) : watchWebSocket(createWebSocket(url));
  } as unknown as typeof WebSocket;
}

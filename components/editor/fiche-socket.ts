import { earlySocketClass } from "@/lib/collab/early-socket";
import { fallbackSocketClass } from "@/lib/collab/fallback-socket";
import { ficheSocketUrl } from "@/lib/collab/socket-url";

// One for the page: once WebSocket upgrades have failed, the next fiches go over HTTP at once.
const sockets = earlySocketClass(fallbackSocketClass());

/** y-websocket's WebSocketPolyfill for fiches: over HTTP where WebSockets fail, adopting a socket opened early. */
export const FicheSocket = sockets.Socket;

/** Opens a fiche's socket now, before Yjs has loaded: the session adopts it (see live-document.ts). Browser-only. */
export function openFicheSocketEarly(ficheId: number): void {
  sockets.openEarly(ficheSocketUrl(window.location.href, ficheId));
}

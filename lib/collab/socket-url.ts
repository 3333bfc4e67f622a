/**
 * Where the browser finds a fiche's collaboration socket. Apart from messages.ts, which needs Yjs,
 * so that the sockets' own code (HTTP fallback, early socket) stays free of it: the editor opens
 * its socket before Yjs has loaded, and Next's server render must never load Yjs.
 */

/** Sockets live under this path: `/_collab/<ficheId>`; Next never serves it. */
export const COLLAB_PATH_PREFIX = "/_collab";

/** Query parameter (value "1") that opts a socket into acknowledgements. */
export const ACK_PARAM = "ack";

/** The WebSocket URL prefix of the collaboration server for a page served at `pageUrl`. */
export function collabServerUrl(pageUrl: string): string {
  const url = new URL(COLLAB_PATH_PREFIX, pageUrl);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

/** A fiche's socket with acknowledgements: the URL y-websocket builds from collabServerUrl, the fiche id and ACK_PARAM. */
export function ficheSocketUrl(pageUrl: string, ficheId: number): string {
  return `${collabServerUrl(pageUrl)}/${ficheId}?${ACK_PARAM}=1`;
}

import * as decoding from "lib0/decoding";
import * as Y from "yjs";

/**
 * What the browser and the collaboration server share about the socket: the path, the message
 * types of the y-websocket protocol, our acknowledgement message and the close codes.
 * Browser-safe: no Node, no server code.
 */

/** Sockets live under this path: `/_collab/<ficheId>`; Next never serves it. */
export const COLLAB_PATH_PREFIX = "/_collab";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;
/**
 * Sent by the server, only to sockets opened with `?ack=1`, once the updates a client sent are
 * stored: it carries the server's state vector. An unchanged y-websocket client would log
 * "Unable to compute message" for an unknown type, hence the opt-in.
 */
export const MESSAGE_ACK = 100;

/** Query parameter (value "1") that opts a socket into acknowledgements. */
export const ACK_PARAM = "ack";

/**
 * Close codes. 4400-4499 tell y-websocket not to reconnect (the server decided); 4500-4599 and
 * 1000-1999 make it reconnect with backoff.
 */
export const CLOSE_CODES = {
  shuttingDown: 1001,
  internalError: 1011,
  malformedMessage: 4400,
  forbidden: 4403,
  ficheDeleted: 4404,
  tooLarge: 4413,
  tooManyClients: 4503,
  tooSlow: 4508,
  rateLimited: 4529,
} as const;

/** The WebSocket URL prefix of the collaboration server for a page served at `pageUrl`. */
export function collabServerUrl(pageUrl: string): string {
  const url = new URL(COLLAB_PATH_PREFIX, pageUrl);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

/** Reads the state vector of an acknowledgement, once y-websocket has read its message type. */
export function readAckStateVector(decoder: decoding.Decoder): Map<number, number> {
  return Y.decodeStateVector(decoding.readVarUint8Array(decoder));
}

/**
 * Whether everything this replica holds is stored by the server, given the state vector of the
 * latest acknowledgement. Every client id counts, not only this replica's: edits restored from the
 * device after a reload carry the id of the page that typed them. Peers' edits reached us through
 * the server, which stores before it broadcasts, so they never hold this back. Usage in the editor:
 *
 *   provider.messageHandlers[MESSAGE_ACK] = (_encoder, decoder) => {
 *     setSaved(isLocalStateStored(doc, readAckStateVector(decoder)));
 *   };
 */
export function isLocalStateStored(doc: Y.Doc, storedStateVector: Map<number, number>): boolean {
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) if ((storedStateVector.get(client) ?? 0) < clock) return false;
  return true;
}

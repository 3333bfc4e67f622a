import { COLLAB_PATH_PREFIX } from "./messages";

/**
 * The HTTP fallback of the collaboration socket, for networks whose proxies block WebSockets. The
 * messages are the socket's own (sync, awareness, acknowledgements), framed into request bodies:
 * - `POST /_collab/<ficheId>[?ack=1]` opens a session, with the socket's authentication, and answers `{ "session": id }`;
 * - `GET /_collab/session/<id>?seen=<n>` long-polls the messages after the n-th; the first one's
 *   number is in `X-Collab-Seq`, and a closed session answers its close code in `X-Collab-Close`
 *   (with the last messages) or with 410;
 * - `POST /_collab/session/<id>` sends messages; `DELETE` closes the session.
 * Browser-safe: no Node.
 */

export const HTTP_SESSION_PREFIX = `${COLLAB_PATH_PREFIX}/session`;
export const SEQ_HEADER = "x-collab-seq";
export const CLOSE_HEADER = "x-collab-close";
/** Messages a client may send in one request. */
export const MAX_FRAMES_PER_REQUEST = 64;

/** Thrown when a body is not a sequence of length-prefixed messages within the limits. */
export class FrameError extends Error {}

/** Concatenates messages, each prefixed by its length (4 bytes, big-endian). */
export function encodeFrames(frames: readonly Uint8Array[]): Uint8Array {
  const total = frames.reduce((sum, frame) => sum + 4 + frame.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let offset = 0;
  for (const frame of frames) {
    view.setUint32(offset, frame.length);
    out.set(frame, offset + 4);
    offset += 4 + frame.length;
  }
  return out;
}

/** Splits a body written by encodeFrames; refuses truncated bodies, empty or oversized messages, and too many of them. */
export function decodeFrames(body: Uint8Array, limits: { maxFrameBytes: number; maxFrames: number }): Uint8Array[] {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const frames: Uint8Array[] = [];
  let offset = 0;
  while (offset < body.length) {
    if (frames.length === limits.maxFrames) throw new FrameError(`more than ${limits.maxFrames} messages in one request`);
    if (offset + 4 > body.length) throw new FrameError("truncated length prefix");
    const length = view.getUint32(offset);
    if (length === 0) throw new FrameError("empty message");
    if (length > limits.maxFrameBytes) throw new FrameError(`message of ${length} bytes (limit ${limits.maxFrameBytes})`);
    if (offset + 4 + length > body.length) throw new FrameError("truncated message");
    frames.push(body.subarray(offset + 4, offset + 4 + length));
    offset += 4 + length;
  }
  return frames;
}

/** The value of CLOSE_HEADER: the code, a space, the reason URI-encoded (headers are ASCII). */
export function encodeCloseHeader(code: number, reason: string): string {
  return `${code} ${encodeURIComponent(reason)}`;
}

/** Reads CLOSE_HEADER; null when absent or malformed. */
export function decodeCloseHeader(value: string | null): { code: number; reason: string } | null {
  const match = value ? /^(\d{4}) ?(.*)$/.exec(value) : null;
  if (!match) return null;
  try {
    return { code: Number(match[1]), reason: decodeURIComponent(match[2]) };
  } catch {
    return { code: Number(match[1]), reason: "" };
  }
}

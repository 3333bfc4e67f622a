import * as Y from "yjs";
import { MAX_POSITION_BYTES, parseAnchorText } from "./anchor-text";

/** A passage of a fiche's body, as two Yjs relative positions: they follow the text through co-editing. */
export type CommentAnchor = { start: Y.RelativePosition; end: Y.RelativePosition };

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array | null {
  const binary = atob(text);
  if (binary.length > MAX_POSITION_BYTES) return null;
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The text stored in comment.anchor: JSON of the two positions, base64. */
export function encodeAnchor(anchor: CommentAnchor): string {
  return JSON.stringify({ start: toBase64(Y.encodeRelativePosition(anchor.start)), end: toBase64(Y.encodeRelativePosition(anchor.end)) });
}

/** The positions of a stored anchor; null for anything that is not one (so that a forged anchor is refused, not trusted). */
export function decodeAnchor(text: string): CommentAnchor | null {
  const parsed = parseAnchorText(text);
  const startBytes = parsed && fromBase64(parsed.start);
  const endBytes = parsed && fromBase64(parsed.end);
  if (!startBytes || !endBytes) return null;
  try {
    return { start: Y.decodeRelativePosition(startBytes), end: Y.decodeRelativePosition(endBytes) };
  } catch {
    return null;
  }
}

/**
 * An anchor over `length` characters of a text from `index`. The end leans left (assoc -1), so
 * that what is typed just after the passage stays out of it; the start leans right, so that what
 * is typed just before it stays out too.
 */
export function anchorInText(text: Y.XmlText | Y.Text, index: number, length: number): CommentAnchor {
  return { start: Y.createRelativePositionFromTypeIndex(text, index, 0), end: Y.createRelativePositionFromTypeIndex(text, index + length, -1) };
}

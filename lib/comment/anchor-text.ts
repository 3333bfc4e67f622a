// The stored form of an anchor, checked without Yjs: Next's server code never loads a copy of Yjs
// of its own (the collaboration server holds the only one), and only browsers resolve anchors.

/** An encoded relative position is a few dozen bytes; a longer one is not ours. */
export const MAX_POSITION_BYTES = 128;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The two base64 positions of a stored anchor, or null for anything that does not have its shape. */
export function parseAnchorText(text: string): { start: string; end: string } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object") return null;
  const { start, end } = parsed as Record<string, unknown>;
  const valid = (value: unknown): value is string =>
    typeof value === "string" && BASE64.test(value) && value.length % 4 === 0 && (value.length / 4) * 3 <= MAX_POSITION_BYTES + 2;
  return valid(start) && valid(end) ? { start, end } : null;
}

import { tokenize, type ParsedQuery } from "./french";

/**
 * Marks FTS5's snippet() and highlight() put around matches. Control characters are separators for
 * the unicode61 tokenizer and are removed from every indexed text (cleanDisplayText), so a mark
 * can only come from FTS5 itself.
 */
export const MARK_OPEN = "\u0002";
export const MARK_CLOSE = "\u0003";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes a text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** HTML of a text with FTS5 marks: everything escaped, then only the marks become <mark> elements. */
export function markedTextToHtml(text: string): string {
  let html = "";
  let open = false;
  for (const part of text.split(/([\u0002\u0003])/)) {
    if (part === MARK_OPEN) {
      if (!open) html += "<mark>";
      open = true;
    } else if (part === MARK_CLOSE) {
      if (open) html += "</mark>";
      open = false;
    } else {
      html += escapeHtml(part);
    }
  }
  return open ? `${html}</mark>` : html;
}

/** The words FTS5 marked in a text, as written there. */
export function markedWords(text: string): string[] {
  return [...text.matchAll(/\u0002([^\u0002\u0003]*)\u0003/g)].map((m) => m[1]);
}

export type TextSegment = { text: string; mark: boolean };

/**
 * Cuts a text into segments, marking the words that start with a word of the query (folded). For
 * the browser, which has neither FTS5 nor the index's stemmer: a word typed whole marks its
 * plural, a word typed halfway marks the words it starts.
 */
export function highlightSegments(text: string, query: ParsedQuery): TextSegment[] {
  const words = query.terms.flatMap((term) => term.words);
  const segments: TextSegment[] = [];
  let at = 0;
  for (const token of tokenize(text)) {
    if (!token.word || !words.some((word) => token.word.startsWith(word))) continue;
    if (token.start > at) segments.push({ text: text.slice(at, token.start), mark: false });
    segments.push({ text: text.slice(token.start, token.end), mark: true });
    at = token.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: false });
  return segments;
}

// A comment's body is plain text: links are found in it at display time and mentions are written
// as tokens, so nothing a person types is ever taken as markup.

/** A piece of a comment as shown: text, a link, a mention of an account, or a line break. */
export type CommentSegment =
  | { kind: "text"; text: string }
  | { kind: "link"; href: string; text: string }
  | { kind: "mention"; userId: number; name: string }
  | { kind: "break" };

// "@[Camille Martin](12)": the name is what the author saw when picking the person; only the id counts.
const MENTION = /@\[([^\]\n]{1,80})\]\((\d{1,9})\)/g;
const URL_START = /https?:\/\/[^\s<>"'`]+/gi;
// Punctuation that ends a sentence rather than the address: "voir https://exemple.fr."
const TRAILING = /[.,;:!?»)\]}]+$/;

/** The token that mentions an account in a comment's body. */
export function mentionToken(name: string, userId: number): string {
  const clean = name.replace(/[[\]\n]/g, " ").trim().slice(0, 80) || "?";
  return `@[${clean}](${userId})`;
}

/** The ids of the accounts a body mentions, each once, in order of appearance. */
export function mentionedIds(body: string): number[] {
  const ids = [...body.matchAll(MENTION)].map((m) => Number(m[2]));
  return [...new Set(ids)];
}

function safeHttpUrl(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function linkSegments(text: string): CommentSegment[] {
  const out: CommentSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_START)) {
    const raw = match[0].replace(TRAILING, "");
    const href = safeHttpUrl(raw);
    if (!href) continue;
    if (match.index > last) out.push({ kind: "text", text: text.slice(last, match.index) });
    out.push({ kind: "link", href, text: raw });
    last = match.index + raw.length;
  }
  if (last < text.length) out.push({ kind: "text", text: text.slice(last) });
  return out;
}

/**
 * Splits a body into what the page shows. A mention shows the account's current name from
 * `names`; a token naming no known account stays the text that was typed, so that nobody can pass
 * a made-up name off as a mention.
 */
export function commentSegments(body: string, names: ReadonlyMap<number, string>): CommentSegment[] {
  const out: CommentSegment[] = [];
  body.split(/\r?\n/).forEach((line, i) => {
    if (i > 0) out.push({ kind: "break" });
    let last = 0;
    for (const match of line.matchAll(MENTION)) {
      const name = names.get(Number(match[2]));
      if (name === undefined) continue;
      out.push(...linkSegments(line.slice(last, match.index)));
      out.push({ kind: "mention", userId: Number(match[2]), name });
      last = match.index + match[0].length;
    }
    out.push(...linkSegments(line.slice(last)));
  });
  return out;
}

/** The body as plain text, mentions as "@Name": for notifications, feeds and the API. */
export function commentPlainText(body: string, names: ReadonlyMap<number, string>): string {
  return commentSegments(body, names)
    .map((s) => (s.kind === "break" ? "\n" : s.kind === "mention" ? `@${s.name}` : s.text))
    .join("");
}

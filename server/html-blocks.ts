/**
 * A fiche's projected HTML read back as simple blocks (headings, paragraphs, list items, table
 * rows) for layouts without a browser, such as the catalogue's PDF. The HTML comes from
 * server/fiche-html.ts, so only its tags are expected; any other tag is read for its text.
 */

export type TextBlock =
  | { kind: "heading"; level: number; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "item"; depth: number; marker: string; text: string }
  | { kind: "row"; header: boolean; cells: string[] };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Replaces the character references the renderer writes (&amp; &#39; &#x2019;…) by their characters. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (match, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return ENTITIES[ref.toLowerCase()] ?? match;
  });
}

const squash = (text: string) => text.replace(/[ \t\r\f\v]+/g, " ").replace(/ ?\n ?/g, "\n").trim();

/** The blocks of a fiche's HTML, in reading order; a link's address follows its text when it differs. */
export function htmlToBlocks(html: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const lists: { ordered: boolean; count: number }[] = [];
  let text = "";
  let current: { kind: "heading"; level: number } | { kind: "paragraph" } | { kind: "item"; depth: number; marker: string } | null = null;
  let row: { header: boolean; cells: string[] } | null = null;
  let cell: string | null = null;
  let href: string | null = null;
  let linkText = "";

  const flush = () => {
    const value = squash(text);
    text = "";
    if (cell !== null) return;
    if (value && current?.kind === "heading") blocks.push({ kind: "heading", level: current.level, text: value });
    else if (value && current?.kind === "item") {
      blocks.push({ kind: "item", depth: current.depth, marker: current.marker, text: value });
      // Later paragraphs of the same item continue it without repeating the marker.
      current = { ...current, marker: "" };
    } else if (value) blocks.push({ kind: "paragraph", text: value });
  };
  const append = (value: string) => {
    if (href !== null) linkText += value;
    if (cell !== null) cell += value;
    else text += value;
  };

  for (const [whole, closing, tagName, raw] of html.matchAll(/<(\/?)([a-zA-Z0-9]+)[^>]*>|([^<]+)/g)) {
    if (raw !== undefined) {
      append(decodeEntities(raw).replace(/\s+/g, " "));
      continue;
    }
    const tag = tagName.toLowerCase();
    const open = closing === "";
    if (/^h[1-6]$/.test(tag)) {
      flush();
      current = open ? { kind: "heading", level: Number(tag[1]) } : null;
    } else if (tag === "p" || tag === "blockquote" || tag === "div") {
      if (current?.kind === "item") flush();
      else {
        flush();
        current = open ? { kind: "paragraph" } : null;
      }
    } else if (tag === "ul" || tag === "ol") {
      flush();
      if (open) lists.push({ ordered: tag === "ol", count: 0 });
      else lists.pop();
      current = null;
    } else if (tag === "li") {
      flush();
      const list = lists.at(-1);
      if (open && list) current = { kind: "item", depth: lists.length - 1, marker: list.ordered ? `${++list.count}.` : "•" };
      else current = null;
    } else if (tag === "tr") {
      flush();
      if (open) row = { header: false, cells: [] };
      else if (row) {
        if (row.cells.some(Boolean)) blocks.push({ kind: "row", ...row });
        row = null;
      }
    } else if (tag === "td" || tag === "th") {
      if (open) {
        cell = "";
        if (tag === "th" && row) row.header = true;
      } else if (cell !== null) {
        row?.cells.push(squash(cell));
        cell = null;
      }
    } else if (tag === "br") {
      append("\n");
    } else if (tag === "a") {
      if (open) {
        const found = /\shref="([^"]*)"/i.exec(whole);
        href = found ? decodeEntities(found[1]) : "";
        linkText = "";
      } else if (href !== null) {
        const target = href;
        href = null;
        // "www.exemple.fr" linking to "http://www.exemple.fr/" already shows its address.
        const bare = (value: string) => value.replace(/^(https?:\/\/|mailto:)/i, "").replace(/\/$/, "");
        if (/^(https?:|mailto:)/i.test(target) && bare(squash(linkText)) !== bare(target)) append(` (${target.replace(/^mailto:/i, "")})`);
      }
    } else if (tag === "hr") {
      flush();
    }
  }
  flush();
  return blocks;
}

import type { JSONContent } from "@tiptap/core";

// ProseMirror JSON of a fiche's body → CommonMark with GitHub tables. The body has already been
// checked against the fiche schema (parseBody), so only its node and mark types are handled:
// headings, paragraphs, hard breaks, bullet and ordered lists, tables, bold, italic and links.

type Mark = { type: "link"; href: string } | { type: "bold" } | { type: "italic" };

const MARK_ORDER: Mark["type"][] = ["link", "bold", "italic"];

function marksOf(node: JSONContent): Mark[] {
  const marks: Mark[] = [];
  for (const mark of node.marks ?? []) {
    if (mark.type === "link" && typeof mark.attrs?.href === "string") marks.push({ type: "link", href: mark.attrs.href });
    else if (mark.type === "bold" || mark.type === "italic") marks.push({ type: mark.type });
  }
  return marks.sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type));
}

const sameMark = (a: Mark, b: Mark) => a.type === b.type && (a.type !== "link" || a.href === (b as { href: string }).href);

// Parentheses and spaces would end the link destination early.
const destination = (href: string) => href.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function opener(mark: Mark): string {
  return mark.type === "link" ? "[" : mark.type === "bold" ? "**" : "*";
}
function closer(mark: Mark): string {
  return mark.type === "link" ? `](${destination(mark.href)})` : mark.type === "bold" ? "**" : "*";
}

/** Backslash-escapes what Markdown would read as syntax inside a line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, "\\$&");
}

/**
 * The inline content of a textblock. Marks are opened and closed as a stack across text nodes, so
 * that "**bold *and italic***" nests; whitespace is kept outside the markers, where CommonMark needs it.
 */
function renderInline(nodes: JSONContent[] | undefined, hardBreak: string): string {
  let out = "";
  const open: Mark[] = [];
  const closeTo = (depth: number) => {
    while (open.length > depth) {
      const trailing = /\s*$/.exec(out)![0];
      out = out.slice(0, out.length - trailing.length) + closer(open.pop()!) + trailing;
    }
  };
  for (const node of nodes ?? []) {
    if (node.type === "hardBreak") {
      closeTo(0);
      out += hardBreak;
      continue;
    }
    if (node.type !== "text" || !node.text) continue;
    let text = escapeMarkdown(node.text);
    // Markers around nothing but spaces would print as stray asterisks.
    const marks = text.trim() ? marksOf(node) : open.slice();
    let keep = 0;
    while (keep < open.length && keep < marks.length && sameMark(open[keep], marks[keep])) keep++;
    closeTo(keep);
    if (marks.length > keep) {
      const leading = /^\s*/.exec(text)![0];
      out += leading;
      text = text.slice(leading.length);
      for (const mark of marks.slice(keep)) {
        out += opener(mark);
        open.push(mark);
      }
    }
    out += text;
  }
  closeTo(0);
  return out;
}

// A paragraph starting like a heading, a list item or a quote would become one.
function escapeBlockStart(line: string): string {
  return line.replace(/^(\s*)(#{1,6}(?=\s|$)|[-+](?=\s)|\d{1,9}(?=[.)]\s))/, (_m, space: string, marker: string) =>
    /^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
  );
}

function indent(text: string, width: number): string {
  const pad = " ".repeat(width);
  return text
    .split("\n")
    .map((line, i) => (i === 0 || line === "" ? line : pad + line))
    .join("\n");
}

function renderListItem(item: JSONContent, marker: string): string {
  const blocks = (item.content ?? []).map((block) => renderBlock(block)).filter((b) => b !== "");
  // Items keep their lists tight: the blocks of one item follow each other on the next lines.
  return `${marker}${indent(blocks.join("\n"), marker.length)}`.trimEnd() || marker.trimEnd();
}

function renderList(node: JSONContent): string {
  const items = node.content ?? [];
  if (node.type === "bulletList") return items.map((item) => renderListItem(item, "- ")).join("\n");
  const start = typeof node.attrs?.start === "number" ? node.attrs.start : 1;
  return items.map((item, i) => renderListItem(item, `${start + i}. `)).join("\n");
}

function renderCell(cell: JSONContent): string {
  const text = (cell.content ?? [])
    .map((block) => (block.type === "paragraph" || block.type === "heading" ? renderInline(block.content, "<br>") : renderBlock(block).replace(/\n/g, " ")))
    .filter(Boolean)
    .join("<br>");
  return text.replace(/\n/g, " ");
}

// GitHub tables need a header row: the table's first row is taken as such, as the editor makes it.
function renderTable(node: JSONContent): string {
  const rows = (node.content ?? []).map((row) => (row.content ?? []).map(renderCell));
  if (rows.length === 0) return "";
  const width = Math.max(...rows.map((r) => r.length));
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? "").join(" | ")} |`;
  return [line(rows[0]), `| ${Array.from({ length: width }, () => "---").join(" | ")} |`, ...rows.slice(1).map(line)].join("\n");
}

function renderBlock(node: JSONContent): string {
  switch (node.type) {
    case "heading": {
      const level = typeof node.attrs?.level === "number" ? Math.min(Math.max(node.attrs.level, 1), 6) : 2;
      const text = renderInline(node.content, " ").trim();
      return text ? `${"#".repeat(level)} ${text}` : "";
    }
    case "paragraph":
      return renderInline(node.content, "\\\n").split("\n").map(escapeBlockStart).join("\n");
    case "bulletList":
    case "orderedList":
      return renderList(node);
    case "table":
      return renderTable(node);
    default:
      return (node.content ?? []).map(renderBlock).filter(Boolean).join("\n\n");
  }
}

/** A fiche's body (ProseMirror JSON of the fiche schema) as Markdown; empty paragraphs are left out. */
export function bodyToMarkdown(body: JSONContent): string {
  return (body.content ?? [])
    .map(renderBlock)
    .filter((block) => block.trim() !== "")
    .join("\n\n");
}

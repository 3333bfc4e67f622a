import type { JSONContent } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { ACTEUR_MENTION, FICHE_LINK, wikiLinkText } from "@/lib/editor/wiki-links";
import { parseBody, type WikiLinkResolvers } from "./fiche-html";

/** A block of a fiche's body as plain text, the unit a diff compares. */
export type BodyBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "item"; depth: number; marker: string; text: string }
  | { kind: "row"; text: string };

type List = { ordered: boolean; count: number };

// "https://exemple.org/" and the words "exemple.org" name the same address.
const bareAddress = (href: string) => href.replace(/^(https?:\/\/|mailto:)/i, "").replace(/\/$/, "");

/**
 * A textblock's text: hard breaks as line breaks, a link's address after its words when they
 * differ, and wiki links by what `links` shows.
 */
function inlineText(node: PmNode, links: WikiLinkResolvers): string {
  let out = "";
  let href: string | null = null;
  let linkText = "";
  const closeLink = () => {
    if (href !== null && bareAddress(href) !== bareAddress(linkText.trim())) out += ` (${href.replace(/^mailto:/i, "")})`;
    href = null;
    linkText = "";
  };
  node.forEach((child) => {
    const link = child.marks.find((m) => m.type.name === "link");
    const target = typeof link?.attrs.href === "string" ? link.attrs.href : null;
    if (target !== href) closeLink();
    href = target;
    const text = child.isText ? (child.text ?? "") : child.type.name === "hardBreak" ? "\n" : wikiLinkLabel(child, links);
    out += text;
    if (href !== null) linkText += text;
  });
  closeLink();
  return out.replace(/[ \t]+/g, " ").trim();
}

// parseBody has dropped the wiki links without a readable id.
function wikiLinkLabel(node: PmNode, links: WikiLinkResolvers): string {
  if (node.type.name === FICHE_LINK) return wikiLinkText(links.fiche(node.attrs.ficheId as number));
  if (node.type.name === ACTEUR_MENTION) return wikiLinkText(links.acteur(node.attrs.acteurId as number));
  return "";
}

/**
 * The body's blocks in reading order: headings, paragraphs, list items (with their marker and
 * depth) and table rows (cells joined by " | "). Empty blocks are left out. The body is read
 * through the schema like the page's HTML, so what is compared is what readers see; its wiki links
 * read as `links` shows them (see server/revision-links.ts).
 */
export function bodyBlocks(body: JSONContent, links: WikiLinkResolvers): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  const walk = (node: PmNode, lists: List[], item: { marker: string } | null) => {
    const name = node.type.name;
    if (name === "heading" || name === "paragraph") {
      const text = inlineText(node, links);
      if (!text) return;
      if (item) {
        blocks.push({ kind: "item", depth: lists.length - 1, marker: item.marker, text });
        // Later paragraphs of the same item continue it without repeating the marker.
        item.marker = "";
      } else blocks.push({ kind: name, text });
      return;
    }
    if (name === "bulletList" || name === "orderedList") {
      const start = Number(node.attrs.start);
      const list = { ordered: name === "orderedList", count: (Number.isInteger(start) ? start : 1) - 1 };
      node.forEach((child) => walk(child, [...lists, list], null));
      return;
    }
    if (name === "listItem") {
      const list = lists.at(-1)!;
      const marker = { marker: list.ordered ? `${++list.count}.` : "•" };
      node.forEach((child) => walk(child, lists, marker));
      return;
    }
    if (name === "tableRow") {
      const cells: string[] = [];
      node.forEach((cell) => {
        const parts: string[] = [];
        cell.forEach((block) => parts.push(inlineText(block, links)));
        cells.push(parts.filter(Boolean).join(" "));
      });
      if (cells.some(Boolean)) blocks.push({ kind: "row", text: cells.join(" | ") });
      return;
    }
    node.forEach((child) => walk(child, lists, item));
  };
  walk(parseBody(body), [], null);
  return blocks;
}

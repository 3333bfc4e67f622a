import {
  getAttributesFromExtensions,
  getText,
  getTextSerializersFromSchema,
  resolveExtensions,
  splitExtensions,
  type Extensions,
  type JSONContent,
  type TextSerializer,
} from "@tiptap/core";
import { Node as PmNode } from "@tiptap/pm/model";
import { escapeHTML, renderJSONContentToString } from "@tiptap/static-renderer/json/html-string";
import {
  domOutputSpecToHTMLString,
  mapMarkExtensionToReactNode,
  mapNodeExtensionToReactNode,
  serializeChildrenToHTMLString,
} from "@tiptap/static-renderer/pm/html-string";
import { getBaseExtensions, getBodyTemplate, getFicheSchema, HEADING_LEVELS, isSafeHref } from "@/lib/editor/extensions";
import { FICHE_TYPES } from "@/lib/fiche/values";
import { ACTEUR_MENTION, FICHE_LINK, linkId, wikiLinkText, type WikiLinkResolver, type WikiLinkView } from "@/lib/editor/wiki-links";

/**
 * The server's rendering of a fiche's body: HTML for the page and plain text for search, from the
 * shared extension list and without a DOM. The body comes from any peer's Yjs updates, so it is
 * treated as untrusted: unknown types are unwrapped and attributes are checked before rendering.
 */

const ALIGNMENTS = ["left", "center", "right", "justify"];
const LIST_TYPES = ["1", "a", "A", "i", "I"];

function positiveInt(value: unknown, fallback: number, max = 1000): number {
  const n = typeof value === "number" ? value : Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}

function cellAttrs(attrs: Record<string, unknown>): Record<string, unknown> {
  const widths = Array.isArray(attrs.colwidth) ? attrs.colwidth.map((w) => positiveInt(w, 0, 10_000)) : null;
  return {
    colspan: positiveInt(attrs.colspan, 1, 100),
    rowspan: positiveInt(attrs.rowspan, 1, 100),
    colwidth: widths && widths.every((w) => w > 0) ? widths : null,
    align: typeof attrs.align === "string" && ALIGNMENTS.includes(attrs.align) ? attrs.align : null,
  };
}

// Only the attributes our nodes declare and render; any other is dropped, defaults apply.
const NODE_ATTRS: Record<string, (attrs: Record<string, unknown>) => Record<string, unknown>> = {
  heading: (a) => ({ level: (HEADING_LEVELS as readonly unknown[]).includes(a.level) ? a.level : HEADING_LEVELS[0] }),
  orderedList: (a) => ({
    start: Number.isInteger(a.start) && (a.start as number) >= 0 && (a.start as number) < 100_000 ? a.start : 1,
    type: typeof a.type === "string" && LIST_TYPES.includes(a.type) ? a.type : null,
  }),
  tableCell: cellAttrs,
  tableHeader: cellAttrs,
  [FICHE_LINK]: (a) => ({ ficheId: linkId(a.ficheId) }),
  [ACTEUR_MENTION]: (a) => ({ acteurId: linkId(a.acteurId) }),
};

/**
 * What the wiki links of a body show, looked up when it is rendered (server/fiche-links builds
 * them from the database). Without them, links render with a neutral label.
 */
export type WikiLinkResolvers = { fiche: WikiLinkResolver; acteur: WikiLinkResolver };

const WIKI_LINK_IDS: Record<string, string> = { [FICHE_LINK]: "ficheId", [ACTEUR_MENTION]: "acteurId" };
const UNRESOLVED: WikiLinkView = { label: "lien", href: null, note: null };

function sanitizeMarks(marks: JSONContent["marks"]): JSONContent["marks"] {
  const schema = getFicheSchema();
  const kept: NonNullable<JSONContent["marks"]> = [];
  for (const mark of marks ?? []) {
    if (!mark || typeof mark.type !== "string" || !(mark.type in schema.marks)) continue;
    if (mark.type === "link") {
      // A link whose target is unsafe is kept as plain text.
      if (!isSafeHref(mark.attrs?.href)) continue;
      const title = typeof mark.attrs?.title === "string" ? mark.attrs.title : null;
      kept.push({ type: "link", attrs: { href: mark.attrs!.href, title } });
    } else {
      kept.push({ type: mark.type });
    }
  }
  return kept.length ? kept : undefined;
}

function sanitizeNodes(nodes: JSONContent[] | undefined): JSONContent[] {
  const schema = getFicheSchema();
  const out: JSONContent[] = [];
  for (const node of nodes ?? []) {
    if (!node || typeof node !== "object") continue;
    if (node.type === "text") {
      if (typeof node.text === "string" && node.text.length > 0) out.push({ type: "text", text: node.text, marks: sanitizeMarks(node.marks) });
      continue;
    }
    const content = sanitizeNodes(node.content);
    if (typeof node.type !== "string" || node.type === "doc" || !(node.type in schema.nodes)) {
      out.push(...content);
      continue;
    }
    const attrs = NODE_ATTRS[node.type]?.(node.attrs ?? {});
    // A wiki link without a readable id leads nowhere: a peer's garbage, dropped.
    if (node.type in WIKI_LINK_IDS && attrs?.[WIKI_LINK_IDS[node.type]] === null) continue;
    out.push({ type: node.type, ...(attrs ? { attrs } : {}), ...(content.length ? { content } : {}) });
  }
  return out;
}

/** Parses untrusted ProseMirror JSON into a body node of the fiche schema. */
export function parseBody(json: JSONContent): PmNode {
  const doc = { type: "doc", content: sanitizeNodes(json?.content) };
  return PmNode.fromJSON(getFicheSchema(), doc);
}

/**
 * What renderToHTMLString does, with the extension work done once: it resolves the extension list
 * and maps every node and mark on each call, and each extension's `options` getter merges its
 * configure() chain again (Tiptap's getExtensionField), which cost more than the render itself.
 * fiche-html.test.ts checks that both give the same HTML.
 */
export function createHtmlRenderer(extensions: Extensions): (content: PmNode) => string {
  const resolved = resolveExtensions(extensions);
  const attributes = getAttributesFromExtensions(resolved);
  const { nodeExtensions, markExtensions } = splitExtensions(resolved);
  const nodeMapping = {
    ...Object.fromEntries(
      nodeExtensions.filter((e) => e.name !== "doc" && e.name !== "text").map((e) => mapNodeExtensionToReactNode(domOutputSpecToHTMLString, e, attributes)),
    ),
    doc: ({ children }: { children?: string | string[] }) => serializeChildrenToHTMLString(children),
    text: ({ node }: { node: PmNode }) => escapeHTML(node.text ?? ""),
  };
  const markMapping = Object.fromEntries(markExtensions.map((e) => mapMarkExtensionToReactNode(domOutputSpecToHTMLString, e, attributes)));
  const render = renderJSONContentToString<PmNode["marks"][number], PmNode>({ nodeMapping, markMapping });
  return (content) => render({ content });
}

// The links of the body being rendered. Building an extension list per render would cost more
// than the render itself, so the one renderer reads them from here; rendering is synchronous.
let currentLinks: WikiLinkResolvers | null = null;
let renderHtml: ((content: PmNode) => string) | null = null;

function htmlOf(body: PmNode, links: WikiLinkResolvers | undefined): string {
  renderHtml ??= createHtmlRenderer(
    getBaseExtensions({
      ficheLink: { resolve: (id) => currentLinks?.fiche(id) ?? UNRESOLVED },
      acteurMention: { resolve: (id) => currentLinks?.acteur(id) ?? UNRESOLVED },
    }),
  );
  currentLinks = links ?? null;
  try {
    return renderHtml(body);
  } finally {
    currentLinks = null;
  }
}

/** The HTML of a fiche's body, rendered from its ProseMirror JSON; wiki links show what `links` resolves. */
export function renderFicheHtml(json: JSONContent, links?: WikiLinkResolvers): string {
  return htmlOf(parseBody(json), links);
}

function wikiLinkLeafText(links: WikiLinkResolvers | undefined): (node: PmNode) => string {
  return (node) => {
    if (!links || !(node.type.name in WIKI_LINK_IDS)) return "";
    const id = node.attrs[WIKI_LINK_IDS[node.type.name]] as number;
    return wikiLinkText(node.type.name === FICHE_LINK ? links.fiche(id) : links.acteur(id));
  };
}

let textSerializers: Record<string, TextSerializer> | null = null;

function texteOf(node: PmNode, links: WikiLinkResolvers | undefined): string {
  const leaf = wikiLinkLeafText(links);
  textSerializers ??= getTextSerializersFromSchema(getFicheSchema());
  const serializers = {
    ...textSerializers,
    [FICHE_LINK]: ({ node: n }: { node: PmNode }) => leaf(n),
    [ACTEUR_MENTION]: ({ node: n }: { node: PmNode }) => leaf(n),
  };
  return getText(node, { blockSeparator: "\n\n", textSerializers: serializers })
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The plain text of a fiche's body, blocks separated by blank lines, for search. */
export function renderFicheTexte(json: JSONContent, links?: WikiLinkResolvers): string {
  return texteOf(parseBody(json), links);
}

// The templates' opening headings (« Descriptif de l'action », « L'idée », « Pourquoi ? ») only announce the description.
const OPENING_HEADINGS = new Set(FICHE_TYPES.map((type) => getBodyTemplate(type).content?.[0]?.content?.[0]?.text ?? ""));

function asSentence(text: string): string {
  return /[.!?…:;]$/.test(text) ? text : `${text}.`;
}

function extraitOf(body: PmNode, maxLength: number, links: WikiLinkResolvers | undefined): string {
  const parts: string[] = [];
  const leaf = wikiLinkLeafText(links);
  // Any other heading names the block after it, so that « Citoyens » reads as « Public concerné : Citoyens ».
  let label: string | null = null;
  body.descendants((node) => {
    if (node.type.name === "heading") {
      const title = node.textContent.trim();
      label = title && !OPENING_HEADINGS.has(title) ? title : null;
      return false;
    }
    if (node.isTextblock) {
      const text = node.textBetween(0, node.content.size, undefined, leaf).trim();
      if (!text) return false;
      const named = !label || text.startsWith(label) ? text : `${label}${/[?!:]$/.test(label) ? " " : " : "}${text}`;
      parts.push(named);
      label = null;
      return false;
    }
    return true;
  });
  // A block ends as a sentence before the next one, so that two sections never read as one.
  const flat = parts
    .map((part, i) => (i < parts.length - 1 ? asSentence(part) : part))
    .join(" ")
    .replace(/\s+/g, " ");
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), maxLength / 2))}…`;
}

/**
 * The opening words of a fiche's body for lists, cut at a word boundary: each block a sentence, named
 * by its heading unless that heading only opens the description.
 */
export function renderFicheExtrait(json: JSONContent, maxLength = 220, links?: WikiLinkResolvers): string {
  return extraitOf(parseBody(json), maxLength, links);
}

/** A body's html, texte and extrait columns, parsed once. */
export type RenderedBody = { html: string; texte: string; extrait: string };

/** Renders a body's html, texte and extrait (what renderFicheHtml, renderFicheTexte and renderFicheExtrait give) from one parse. */
export function renderFicheBody(json: JSONContent, links?: WikiLinkResolvers): RenderedBody {
  const body = parseBody(json);
  return { html: htmlOf(body, links), texte: texteOf(body, links), extrait: extraitOf(body, 220, links) };
}

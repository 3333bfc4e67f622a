/**
 * Atom 1.0 documents (RFC 4287), written by hand: a handful of elements, every text escaped, and
 * characters XML 1.0 forbids removed, since a fiche's text comes from anyone's keyboard.
 */

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

/** One entry: what it is about (`link`), when it changed and who wrote it. */
export type AtomEntry = {
  /** A permanent, unique IRI. */
  id: string;
  title: string;
  updated: Date;
  published?: Date;
  /** The page a reader opens (rel="alternate"). */
  link: string;
  /** Entry authors; when empty, the feed's authors apply. */
  authors: string[];
  summary?: string;
  /** HTML content, escaped into the document (type="html"). */
  contentHtml?: string;
  categories?: string[];
};

export type AtomFeed = {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own address (rel="self") and the page it mirrors (rel="alternate"). */
  selfLink: string;
  alternateLink: string;
  /** The feed's authors, which entries without their own inherit: Atom requires one or the other. */
  authors: string[];
  rights?: string;
  /** Defaults to the newest entry's update, or `fallbackUpdated` for an empty feed. */
  fallbackUpdated: Date;
  entries: AtomEntry[];
};

// Characters XML 1.0 does not allow, and unpaired surrogates, which no encoder can write.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text made safe for an XML element or a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(FORBIDDEN, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const element = (name: string, text: string, attributes = "") => `<${name}${attributes}>${escapeXml(text)}</${name}>`;
const link = (rel: string, href: string, type?: string) => `<link rel="${rel}"${type ? ` type="${escapeXml(type)}"` : ""} href="${escapeXml(href)}"/>`;
const author = (name: string) => `<author>${element("name", name)}</author>`;

function renderEntry(entry: AtomEntry): string {
  const lines = [
    element("id", entry.id),
    element("title", entry.title),
    element("updated", entry.updated.toISOString()),
    ...(entry.published ? [element("published", entry.published.toISOString())] : []),
    link("alternate", entry.link, "text/html"),
    ...entry.authors.map(author),
    ...(entry.categories ?? []).map((term) => `<category term="${escapeXml(term)}"/>`),
    ...(entry.summary ? [element("summary", entry.summary)] : []),
    ...(entry.contentHtml ? [element("content", entry.contentHtml, ' type="html"')] : []),
  ];
  return `<entry>\n  ${lines.join("\n  ")}\n</entry>`;
}

/** The whole feed document, with its XML declaration. */
export function renderAtomFeed(feed: AtomFeed): string {
  const updated = feed.entries.reduce((latest, e) => (e.updated > latest ? e.updated : latest), new Date(0));
  const head = [
    element("id", feed.id),
    element("title", feed.title),
    ...(feed.subtitle ? [element("subtitle", feed.subtitle)] : []),
    element("updated", (feed.entries.length ? updated : feed.fallbackUpdated).toISOString()),
    link("self", feed.selfLink, "application/atom+xml"),
    link("alternate", feed.alternateLink, "text/html"),
    ...feed.authors.map(author),
    ...(feed.rights ? [element("rights", feed.rights)] : []),
    element("generator", "Wiki de la Solidarité numérique"),
  ];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">',
    ...head,
    ...feed.entries.map(renderEntry),
    "</feed>",
    "",
  ].join("\n");
}

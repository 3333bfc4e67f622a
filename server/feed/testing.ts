/**
 * A small, strict XML reader for tests of the feeds: it accepts only well-formed XML 1.0 (one root,
 * balanced tags, quoted attributes, known entities, no forbidden characters) and returns the tree.
 */

export type XmlElement = { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const NAME = /^[A-Za-z_][\w.:-]*$/;
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function decode(raw: string, where: string): string {
  if (raw.includes("<")) throw new Error(`"<" in ${where}`);
  if (FORBIDDEN.test(raw)) throw new Error(`forbidden character in ${where}`);
  return raw.replace(/&([^;]*);?/g, (match, ref: string) => {
    if (!match.endsWith(";")) throw new Error(`unterminated entity in ${where}: ${match}`);
    if (ref in ENTITIES) return ENTITIES[ref];
    const code = /^#x[0-9a-f]+$/i.test(ref) ? parseInt(ref.slice(2), 16) : /^#\d+$/.test(ref) ? Number(ref.slice(1)) : NaN;
    if (!Number.isInteger(code)) throw new Error(`unknown entity in ${where}: ${match}`);
    return String.fromCodePoint(code);
  });
}

/** Parses `xml` or throws on the first well-formedness error. */
export function parseXml(xml: string): XmlElement {
  let rest = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  if (rest === xml) throw new Error("missing XML declaration");
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (rest.length > 0) {
    const lt = rest.indexOf("<");
    const text = lt < 0 ? rest : rest.slice(0, lt);
    if (text) {
      if (stack.length === 0) {
        if (text.trim()) throw new Error(`text outside the root: ${text.slice(0, 40)}`);
      } else stack.at(-1)!.text += decode(text, `text of <${stack.at(-1)!.name}>`);
    }
    if (lt < 0) break;
    rest = rest.slice(lt);
    const gt = rest.indexOf(">");
    if (gt < 0) throw new Error("unterminated tag");
    const tag = rest.slice(1, gt);
    rest = rest.slice(gt + 1);
    if (tag.startsWith("/")) {
      const open = stack.pop();
      if (!open || open.name !== tag.slice(1).trim()) throw new Error(`mismatched </${tag.slice(1)}>`);
      continue;
    }
    const selfClosing = tag.endsWith("/");
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const name = body.split(/\s/, 1)[0];
    if (!NAME.test(name)) throw new Error(`bad tag name "${name}"`);
    const attributes: Record<string, string> = {};
    const attrText = body.slice(name.length);
    const leftover = attrText.replace(/\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g, (_m, attr: string, _q, dq?: string, sq?: string) => {
      if (attr in attributes) throw new Error(`duplicate attribute ${attr}`);
      attributes[attr] = decode(dq ?? sq ?? "", `attribute ${attr}`);
      return "";
    });
    if (leftover.trim()) throw new Error(`malformed attributes in <${name}>: ${leftover}`);
    const element: XmlElement = { name, attributes, children: [], text: "" };
    if (stack.length) stack.at(-1)!.children.push(element);
    else if (root) throw new Error("more than one root element");
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  if (!root) throw new Error("no root element");
  return root;
}

/** The direct children of an element with this name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/**
 * Checks what RFC 4287 requires of a feed and its entries: id, title, updated (RFC 3339) each
 * once, an author on the feed or on every entry, and a link on entries without content.
 */
export function checkAtom(feed: XmlElement): void {
  const problems: string[] = [];
  const once = (element: XmlElement, name: string, where: string) => {
    const found = childrenNamed(element, name);
    if (found.length !== 1) problems.push(`${where}: ${found.length} <${name}>`);
    return found[0];
  };
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
  if (feed.name !== "feed" || feed.attributes.xmlns !== "http://www.w3.org/2005/Atom") problems.push("root is not an Atom feed");
  for (const name of ["id", "title", "updated"]) once(feed, name, "feed");
  const feedUpdated = childrenNamed(feed, "updated")[0];
  if (feedUpdated && !rfc3339.test(feedUpdated.text)) problems.push(`feed: bad updated ${feedUpdated.text}`);
  const feedHasAuthor = childrenNamed(feed, "author").length > 0;
  childrenNamed(feed, "entry").forEach((entry, i) => {
    for (const name of ["id", "title", "updated"]) once(entry, name, `entry ${i}`);
    const updated = childrenNamed(entry, "updated")[0];
    if (updated && !rfc3339.test(updated.text)) problems.push(`entry ${i}: bad updated ${updated.text}`);
    if (!feedHasAuthor && childrenNamed(entry, "author").length === 0) problems.push(`entry ${i}: no author`);
    for (const author of childrenNamed(entry, "author")) if (childrenNamed(author, "name").length !== 1) problems.push(`entry ${i}: author without name`);
    const alternates = childrenNamed(entry, "link").filter((l) => (l.attributes.rel ?? "alternate") === "alternate");
    if (childrenNamed(entry, "content").length === 0 && alternates.length === 0) problems.push(`entry ${i}: neither content nor alternate link`);
    for (const l of alternates) if (!/^https?:\/\//.test(l.attributes.href ?? "")) problems.push(`entry ${i}: relative link ${l.attributes.href}`);
  });
  if (problems.length) throw new Error(`Invalid Atom feed:\n${problems.join("\n")}`);
}

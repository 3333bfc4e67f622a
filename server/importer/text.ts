import { foldText, slugify } from "@/lib/slug";
import type { ImportedFicheType, ImportedLien } from "./types";

/** A line with its non-breaking spaces made plain and its `**bold**` markers dropped, trimmed. */
export function cleanLine(line: string): string {
  return line
    .replace(/[\u00a0\u202f\u2007]/g, " ")
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/^\*\*|\*\*$/g, "")
    .replace(/[ \t]+/g, " ")
    .trim();
}

/** True for a line written in capitals: at least two letters and none in lower case ("T.A.P.A.J", "HESTI@"). */
export function isUppercaseLine(text: string): boolean {
  const letters = text.match(/\p{L}/gu);
  return !!letters && letters.length >= 2 && !/\p{Ll}/u.test(text);
}

/** True for a short unpunctuated line starting with a capital, the way the PDF's sub-headings read. */
export function isHeadingLike(text: string): boolean {
  return text.length <= 90 && /^\p{Lu}/u.test(text) && !/[.:;,!?…»)]$/.test(text);
}

/** True when a paragraph is unfinished: no closing punctuation, as when a page break cuts a sentence. */
export function endsMidSentence(text: string): boolean {
  return !/[.!?:;…»)\]"]$/.test(text.trim());
}

/** The key of a fiche: its type and the slug of its title, so re-imports find the same fiche. */
export function ficheKey(type: ImportedFicheType, titre: string): string {
  return `${type}:${slugify(titre, "sans-titre", 120)}`;
}

/**
 * A looser title key for matching a chapter's copy of a fiche with its annex copy: words without
 * their plural mark, so "TABLETTES POUR PERSONNES AGÉES" meets "TABLETTE POUR PERSONNES ÂGÉES".
 */
export function looseTitleKey(titre: string): string {
  return foldText(titre)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((word) => (word.length > 3 ? word.replace(/[sx]$/, "") : word))
    .join(" ");
}

/** Share of the significant words (four letters or more) of the shorter text found in the other one. */
export function wordOverlap(a: string, b: string): number {
  const words = (text: string) => new Set(foldText(text).split(/[^a-z0-9]+/).filter((w) => w.length >= 4));
  const left = words(a);
  const right = words(b);
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / small.size;
}

// A web address as the Livre blanc writes them: with a scheme, with "www.", or a bare domain after "→".
const URL_PATTERN = /(?:https?:\/\/|www\.)[^\s<>«»"()]+[^\s<>«»"().,;:!?]/giu;
const BARE_DOMAIN = /^(?:[\p{L}\p{N}-]+\.)+[a-z]{2,}(?:\/[^\s]*)?$/iu;

/** The link a written address points to; the scheme is "http://" when missing, which https sites redirect. */
function toLien(texte: string): ImportedLien {
  const trimmed = texte.replace(/^<|>$/g, "");
  return { texte: trimmed, url: /^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}` };
}

/**
 * Splits the links off a line. A line that is only an address ("→ www.fobagra.net", "- www.numeclic.fr")
 * leaves no text; an address closing a sentence after "→" is cut off; other addresses stay in the text.
 * Markdown links `[texte](url)` keep their text.
 */
export function extractLinks(line: string): { text: string; liens: ImportedLien[] } {
  const liens: ImportedLien[] = [];
  let text = line.replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, (_, label: string, url: string) => {
    liens.push({ texte: label, url });
    return label;
  });
  const onlyAddress = text.replace(/^(?:→|->|-|•)\s*/, "").replace(/^<(.*)>$/, "$1").trim();
  if (BARE_DOMAIN.test(onlyAddress) || /^(?:https?:\/\/|www\.)\S+$/i.test(onlyAddress)) {
    return { text: "", liens: [...liens, toLien(onlyAddress)] };
  }
  text = text.replace(/\s*(?:→|->)\s*((?:https?:\/\/|www\.)?(?:[\p{L}\p{N}-]+\.)+[a-z]{2,}(?:\/\S*)?)\s*$/iu, (_, address: string) => {
    liens.push(toLien(address));
    return "";
  });
  for (const match of text.matchAll(URL_PATTERN)) liens.push(toLien(match[0]));
  return { text: text.replace(/<((?:https?:\/\/|www\.)[^>]+)>/g, "$1").trim(), liens };
}

/** Drops links that point to the same address twice. */
export function uniqueLiens(liens: ImportedLien[]): ImportedLien[] {
  const seen = new Set<string>();
  return liens.filter((lien) => {
    const key = lien.url.replace(/^https?:\/\//i, "").replace(/\/$/, "").toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

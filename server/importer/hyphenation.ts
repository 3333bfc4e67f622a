import { foldText } from "@/lib/slug";
import type { CasingVocabulary } from "./casing";

/*
 * Words the PDF's line breaks split with a hyphen ("géolo-calisation"). The seed text has lost its
 * line breaks, so a broken word can only be told from a compound by the document's own words:
 * "a-b" is rejoined only when neither half is a word the document writes on its own ("rendez-vous":
 * "vous" is one), the first half is not a prefix French writes with a hyphen ("hyper-proximité",
 * "ré-insertion") and no half is a letter ("e-inclusion"), and then only when the document vouches
 * for the joined word: it writes "ab" whole, or it writes "b" inside a longer word ("calisation" in
 * "localisations"). A compound whose halves the document never writes ("remue-méninges") stays.
 * Capitals after the hyphen ("Royaume-Uni") and addresses are never touched.
 */

// Prefixes French writes with a hyphen; a half that is one of them is never a broken word.
const PREFIXES = new Set(
  ["co", "re", "ré", "pré", "pre", "inter", "multi", "socio", "non", "auto", "éco", "eco", "pluri", "sous", "hyper", "anti", "post", "semi", "mini", "micro", "télé", "tele", "cyber", "méga", "super", "extra", "néo"].map(foldText),
);

// Addresses are never rejoined ("connexions-solidaires.fr/…").
const ADDRESS = /(?:https?:\/\/|www\.)\S+|\S+\.(?:fr|org|com|net|eu|info)\S*|\S*\/\S+/giu;

function writtenInsideAWord(part: string, vocabulary: CasingVocabulary): boolean {
  for (const word of vocabulary.whole) if (word.length > part.length && word.indexOf(part, 1) > 0) return true;
  return false;
}

/** Whether "first-second" is a word a line break split, by the rule above. */
export function isBrokenWord(first: string, second: string, vocabulary: CasingVocabulary): boolean {
  const [a, b] = [foldText(first), foldText(second)];
  if (a.length < 2 || b.length < 2 || PREFIXES.has(a) || vocabulary.whole.has(a) || vocabulary.whole.has(b)) return false;
  return vocabulary.whole.has(a + b) || (b.length >= 4 && writtenInsideAWord(b, vocabulary));
}

function rejoinWords(text: string, vocabulary: CasingVocabulary): string {
  return text.replace(/(?<![\p{L}\p{N}@-])(\p{L}+)- ?(\p{Ll}+)(?![\p{L}\p{N}@-])/gu, (match, first: string, second: string) =>
    isBrokenWord(first, second, vocabulary) ? first + second : match,
  );
}

/** The text with its line-break hyphenations rejoined (see above), addresses untouched. */
export function rejoinHyphenation(text: string, vocabulary: CasingVocabulary): string {
  let result = "";
  let last = 0;
  for (const match of text.matchAll(ADDRESS)) {
    result += rejoinWords(text.slice(last, match.index), vocabulary) + match[0];
    last = match.index + match[0].length;
  }
  return result + rejoinWords(text.slice(last), vocabulary);
}

import { foldText } from "@/lib/slug";
import { isUppercaseLine } from "./text";

/**
 * How a document spells each word outside its all-capital lines: folded word → written form → count.
 * Re-casing a title from the document itself keeps "Bordeaux", "Orange", "EHPAD" and accents that a
 * plain lower-casing would lose, without a hand-written dictionary.
 */
export type CasingVocabulary = {
  /** Spellings met inside sentences. */
  inner: Map<string, Map<string, number>>;
  /** Capitalised spellings met only at the start of a sentence: weaker evidence, used when nothing else is known. */
  initial: Map<string, Map<string, number>>;
};

const WORD = /[\p{L}\p{N}@]+/gu;

function count(map: Map<string, Map<string, number>>, word: string): void {
  const key = foldText(word);
  const forms = map.get(key) ?? new Map<string, number>();
  forms.set(word, (forms.get(word) ?? 0) + 1);
  map.set(key, forms);
}

/** Collects the spelling of every word of `text`, except in capital lines (titles) and addresses. */
export function buildCasingVocabulary(text: string): CasingVocabulary {
  const vocabulary: CasingVocabulary = { inner: new Map(), initial: new Map() };
  for (const rawLine of text.split(/\r?\n/)) {
    if (isUppercaseLine(rawLine)) continue;
    const line = rawLine.replace(/(?:https?:\/\/|www\.)\S+|\S+@\S+\.[a-z]{2,}\S*/g, " ");
    for (const match of line.matchAll(WORD)) {
      const word = match[0];
      if (!/\p{L}/u.test(word)) continue;
      const before = line.slice(0, match.index).replace(/[\s«"(*'’\-–—•→①-⑨]+$/u, "");
      const startsSentence = before === "" || /[.!?:»]$/.test(before);
      // A capital at the start of a sentence says little about the word; capitals inside it do.
      count(startsSentence && /^\p{Lu}\p{Ll}*$/u.test(word) ? vocabulary.initial : vocabulary.inner, word);
    }
  }
  return vocabulary;
}

// Short words kept in capitals when the document never spells them otherwise are acronyms
// ("MOOC", "ASL", "BP JEPS"), unless they are French closed-class or everyday words.
const SHORT_FRENCH_WORDS = new Set(
  ["me", "te", "se", "ma", "ta", "sa", "mes", "tes", "ses", "nos", "vos", "ni", "ou", "si", "ce", "ces", "oui", "non"].concat(
    ["bus", "camp", "lieu", "lien", "vote", "code", "jeux", "zone", "site"],
  ),
);

function preferredForm(forms: Map<string, number>): string {
  // Most frequent spelling; on a tie a capitalised form wins over lower case, which wins over capitals.
  const rank = (form: string) => (/^\p{Lu}\p{Ll}/u.test(form) ? 2 : /\p{Ll}/u.test(form) ? 1 : 0);
  return [...forms.entries()].sort((a, b) => b[1] - a[1] || rank(b[0]) - rank(a[0]))[0][0];
}

function caseWord(word: string, standalone: boolean, vocabulary: CasingVocabulary): string {
  if (!/\p{L}/u.test(word)) return word;
  const key = foldText(word);
  const forms = vocabulary.inner.get(key) ?? vocabulary.initial.get(key);
  if (forms) return preferredForm(forms);
  if (/[\p{N}@]/u.test(word)) return word;
  const letters = word.replace(/[^\p{L}]/gu, "");
  // A lone capital is a symbol ("R+1", "Z"); a short word on its own, not part of "ROYAUME-UNI" or
  // "BIB'INVADERS", is likely an acronym.
  if (letters.length === 1) return word;
  if (standalone && letters.length <= 4 && !SHORT_FRENCH_WORDS.has(key)) return word;
  return word.toLocaleLowerCase("fr");
}

/** Upper-cases the first letter of the title and of each sentence in it, when it starts the text. */
function capitaliseSentences(text: string): string {
  return text.replace(
    /(^|[.!?]\s+)([«"(]?\s*)(\p{Ll})/gu,
    (_, start: string, opening: string, letter: string) => `${start}${opening}${letter.toLocaleUpperCase("fr")}`,
  );
}

/**
 * The title in sentence case. An all-capital title is re-cased word by word from the document's
 * own spelling; dotted acronyms ("T.A.P.A.J") and glossed acronyms ("(PINS)") stay as written.
 * Other titles only get a capital first letter.
 */
export function toSentenceCase(title: string, vocabulary: CasingVocabulary): string {
  if (!isUppercaseLine(title)) return capitaliseSentences(title);
  const recased = title
    .split(/(\s+)/)
    .map((chunk) => {
      if (/^(?:\p{Lu}\.)+\p{Lu}?\.?$/u.test(chunk) || /^\(\p{Lu}{2,}\)$/u.test(chunk)) return chunk;
      const words = chunk.match(WORD) ?? [];
      return chunk.replace(WORD, (word) => caseWord(word, words.length === 1, vocabulary));
    })
    .join("");
  return capitaliseSentences(recased);
}

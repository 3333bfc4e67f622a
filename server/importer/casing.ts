import { foldText } from "@/lib/slug";
import { GIRONDE_COMMUNES, OTHER_COMMUNES } from "./communes-data";
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
  /** Whole runs of two to four capitalised words met in sentences ("Collectif Regards Citoyens"), by folded words. */
  names: Map<string, string[]>;
  /** Folded words written whole, not as half of a hyphenated word (hyphenation.ts). */
  whole: Set<string>;
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
  const vocabulary: CasingVocabulary = { inner: new Map(), initial: new Map(), names: new Map(), whole: new Set() };
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/(?:https?:\/\/|www\.)\S+|\S+@\S+\.[a-z]{2,}\S*/g, " ");
    // Capital lines count here: which words exist does not depend on how they are cased.
    for (const token of line.match(/[\p{L}\p{N}@'’-]+/gu) ?? []) {
      if (!token.includes("-")) for (const part of token.split(/['’]/)) if (part) vocabulary.whole.add(foldText(part));
    }
    if (isUppercaseLine(rawLine)) continue;
    for (const match of line.matchAll(WORD)) {
      const word = match[0];
      if (!/\p{L}/u.test(word)) continue;
      const before = line.slice(0, match.index).replace(/[\s«"(*'’\-–—•→①-⑨]+$/u, "");
      const startsSentence = before === "" || /[.!?:»]$/.test(before);
      // A capital at the start of a sentence says little about the word; capitals inside it do.
      count(startsSentence && /^\p{Lu}\p{Ll}*$/u.test(word) ? vocabulary.initial : vocabulary.inner, word);
    }
    // Link words may sit inside a name when capitalised words close it: «La Boîte à Projets Z».
    for (const run of line.matchAll(/(?<![\p{L}\p{N}@'’-])\p{Lu}[\p{L}\p{N}@]*(?: (?:(?:à|de|des|du|et|en) )?\p{Lu}[\p{L}\p{N}@]*)+/gu)) {
      // A whole run of capitalised words, its article dropped; not the tail of a longer name
      // ("Institut Régional des Travailleurs Sociaux" does not make "Travailleurs Sociaux" a name).
      if (/(?:\bde|\bdes|\bdu|\bd['’])\s*$/u.test(line.slice(0, run.index))) continue;
      const words = run[0].split(" ");
      while (words.length && /^(?:la|le|les|l|a|au|aux|un|une|des|du|de|en)$/.test(foldText(words[0]))) words.shift();
      if (words.length >= 2 && words.length <= 4) vocabulary.names.set(words.map((w) => foldText(w)).join(" "), words);
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

// Places a title may name that the prose never writes: communes of the list, countries, regions.
const PLACE_FORMS = new Map(
  [...GIRONDE_COMMUNES, ...OTHER_COMMUNES, "Royaume-Uni", "France", "Europe", "Aquitaine", "Gironde", "Bretagne", "Nord", "Allemagne", "Belgique"].map(
    (name) => [foldText(name), name],
  ),
);
// English words in a French title are part of a name ("DOM ASSIST", "SOCIAL GOOD WEEK").
const ENGLISH_NAME_WORDS = new Set(["assist", "good", "week", "society", "digital", "living", "coding", "share", "forum", "open", "data"]);

/** The spelling `form` with the accents of `written`, when they are the same letters: "ONELA" read as "ONÉLA". */
function withAccentsOf(form: string, written: string): string {
  if (form.length !== written.length) return form;
  return [...form]
    .map((char, i) => {
      const source = written[i];
      const same = foldText(char) === foldText(source);
      return same && source.normalize("NFD").length > char.normalize("NFD").length ? (char === char.toLocaleUpperCase("fr") ? source.toLocaleUpperCase("fr") : source.toLocaleLowerCase("fr")) : char;
    })
    .join("");
}

/** A lower-case word with the accents the document gives a related form: "electronique" from "électroniques". */
function relatedForm(key: string, vocabulary: CasingVocabulary): string | null {
  for (const related of [`${key}s`, `${key}x`, key.replace(/[sx]$/, "")]) {
    if (related === key) continue;
    const forms = vocabulary.inner.get(related) ?? vocabulary.initial.get(related);
    if (forms) return preferredForm(forms).toLocaleLowerCase("fr");
  }
  return null;
}

/**
 * A word of an all-capital title: as the document writes it elsewhere, a place of the list, an English
 * name word, a short word kept in capitals as written (an acronym: "MOOC", "ASL"), else lower case with
 * the accents of a related form. Each is sure enough that the report does not ask about it.
 */
function caseWord(word: string, standalone: boolean, vocabulary: CasingVocabulary): string {
  if (!/\p{L}/u.test(word)) return word;
  const key = foldText(word);
  const forms = vocabulary.inner.get(key);
  if (forms) return withAccentsOf(preferredForm(forms), word);
  const place = PLACE_FORMS.get(key);
  if (place) return place;
  const initial = vocabulary.initial.get(key);
  if (initial) return withAccentsOf(preferredForm(initial), word);
  if (/[\p{N}@]/u.test(word)) return word;
  const letters = word.replace(/[^\p{L}]/gu, "");
  // A lone capital is a symbol ("R+1", "Z"); a short word on its own, not part of "ROYAUME-UNI" or
  // "BIB'INVADERS", is likely an acronym.
  if (letters.length === 1) return word;
  const lower = word.toLocaleLowerCase("fr");
  if (ENGLISH_NAME_WORDS.has(key)) return lower.charAt(0).toLocaleUpperCase("fr") + lower.slice(1);
  if (standalone && letters.length <= 4 && !SHORT_FRENCH_WORDS.has(key)) return word;
  const related = relatedForm(key, vocabulary);
  // Not the last letter: "MARCHE" may be "marche" whatever "marchés" says.
  const shared = Math.min(lower.length - 1, related?.length ?? 0);
  return related ? withAccentsOf(lower.slice(0, shared), related.slice(0, shared)) + lower.slice(shared) : lower;
}

/** Upper-cases the first letter of the title and of each sentence in it, when it starts the text. */
function capitaliseSentences(text: string): string {
  return text.replace(
    /(^|[.!?]\s+)([«"(]?\s*)(\p{Ll})/gu,
    (_, start: string, opening: string, letter: string) => `${start}${opening}${letter.toLocaleUpperCase("fr")}`,
  );
}

/** True when `word` is the initials of the significant words of `gloss`: "ACA" for "(ACCOMPAGNEMENT CULTUREL EN AQUITAINE)". */
function isGlossedAcronym(word: string, gloss: string | undefined): boolean {
  if (!gloss || word.length < 2) return false;
  const initials = foldText(gloss)
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !["de", "du", "des", "en", "la", "le", "les", "l", "d", "et", "pour", "sur", "au", "aux", "a"].includes(w))
    .map((w) => w[0])
    .join("");
  return initials === foldText(word);
}

/**
 * The title in sentence case. An all-capital title is re-cased from the document's own spelling:
 * names of several words as the prose writes them ("Collectif Regards Citoyens"), two words the
 * prose writes as one ("OuiShare"), then word by word; places it never writes come from the
 * commune list ("Brest", "Royaume-Uni"). Dotted acronyms ("T.A.P.A.J"), glossed acronyms ("(PINS)",
 * "Y'ACA (ACCOMPAGNEMENT…)") stay as written. Other titles only get a capital first letter.
 */
export function toSentenceCase(title: string, vocabulary: CasingVocabulary): string {
  if (!isUppercaseLine(title)) return capitaliseSentences(title);
  const chunks = title.split(/(\s+)/);
  const cased: string[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    if (/^\s*$/.test(chunk)) {
      cased.push(chunk);
      continue;
    }
    const bare = (c: string | undefined) => (c ?? "").replace(/^[«"(]+|[»"),.;:!?]+$/g, "");
    // A name of several words, longest first; only between punctuation-free chunks.
    let named = false;
    for (let n = 4; n >= 2 && !named; n--) {
      const words = Array.from({ length: n }, (_, k) => chunks[i + 2 * k]);
      if (words.some((w) => w === undefined) || words.slice(0, -1).some((w) => bare(w) !== w)) continue;
      const form = vocabulary.names.get(words.map((w) => foldText(bare(w))).join(" "));
      if (!form) continue;
      words.forEach((w, k) => {
        cased.push(w.replace(bare(w), withAccentsOf(form[k], bare(w))));
        if (k < n - 1) cased.push(chunks[i + 2 * k + 1]);
      });
      i += 2 * (n - 1);
      named = true;
    }
    if (named) continue;
    // "OUI SHARE" written "OuiShare" in the prose.
    const next = chunks[i + 2];
    const joined = next !== undefined && bare(chunk) === chunk ? vocabulary.inner.get(foldText(chunk + bare(next))) : undefined;
    const joinedForm = joined && preferredForm(joined);
    if (joinedForm && /\p{Ll}\p{Lu}/u.test(joinedForm)) {
      cased.push(next.replace(bare(next), joinedForm));
      i += 2;
      continue;
    }
    const place = PLACE_FORMS.get(foldText(bare(chunk)));
    if (/^(?:\p{Lu}\.)+\p{Lu}?\.?$/u.test(chunk) || /^\(\p{Lu}{2,}\)$/u.test(chunk)) cased.push(chunk);
    else if (place && bare(chunk).includes("-") && !vocabulary.inner.has(foldText(bare(chunk)))) {
      cased.push(chunk.replace(bare(chunk), place));
    } else {
      const words = chunk.match(WORD) ?? [];
      const gloss = title.slice(title.indexOf(chunk)).match(/^\S+\s*(\([^)]*\))/)?.[1];
      cased.push(
        chunk.replace(WORD, (word) => {
          if (isGlossedAcronym(word, gloss)) return word;
          return caseWord(word, words.length === 1, vocabulary);
        }),
      );
    }
  }
  return capitaliseSentences(cased.join(""));
}

import type { Db } from "@/db/client";
import { editDistance, FOLDING_ONLY, foldWord, tokenize, typoTolerance, type ParsedQuery } from "@/lib/search/french";
import { stemFrench } from "@/lib/search/stemmer";
import { isIndexedStem, stemsStartingWith, stemsWithPrefix } from "./vocabulary";

/**
 * The tolerant fallback: when a short query finds nothing, each word missing from the index is
 * replaced by the closest indexed stem (Damerau–Levenshtein, 1 error up to 7 letters, 2 beyond).
 *
 * Candidates come from the fts5vocab views, which FTS5 keeps exact for free, restricted to the
 * stems that share the word's first or second letter: a few hundred to compare, not the whole
 * vocabulary. A trigram index would have cost a second full-text index of every text, for
 * substring matching that still does not forgive a typo by itself.
 */
const MAX_TERMS = 4;

export type Correction = { query: ParsedQuery; words: { from: string; stem: string }[] };

// Only stems of plain letters and digits can sort between two one-letter bounds.
const PLAIN = /^[a-z0-9]+$/;

function closestStem(db: Db, stem: string, tolerance: number): string | null {
  const docs = new Map<string, number>();
  for (const letter of new Set([stem[0], stem[1]].filter(Boolean))) {
    for (const [term, count] of stemsStartingWith(db, letter)) docs.set(term, count);
  }
  let best: { term: string; distance: number; docs: number } | null = null;
  for (const [term, count] of docs) {
    if (Math.abs(term.length - stem.length) > tolerance) continue;
    const distance = editDistance(stem, term, tolerance);
    if (distance > tolerance) continue;
    if (!best || distance < best.distance || (distance === best.distance && count > best.docs)) best = { term, distance, docs: count };
  }
  return best?.term ?? null;
}

/** A corrected query when some of its words are unknown to the index and close to known ones; null otherwise. */
export function correctQuery(db: Db, query: ParsedQuery): Correction | null {
  if (query.terms.length === 0 || query.terms.length > MAX_TERMS) return null;
  const words: Correction["words"] = [];
  const terms = query.terms.map((term) => {
    const stems = [...term.stems];
    let prefix = term.prefix;
    term.words.forEach((word, i) => {
      const asPrefix = term.prefix && i === term.words.length - 1;
      const typed = term.typed ?? FOLDING_ONLY.typedForms(word);
      const known = asPrefix
        ? typed.starts.some((form) => stemsWithPrefix(db, form, 0).length > 0) || typed.stems.some((stem) => isIndexedStem(db, stem))
        : isIndexedStem(db, stems[i]);
      if (known || !PLAIN.test(stems[i])) return;
      const tolerance = typoTolerance(word);
      const replacement = tolerance > 0 ? closestStem(db, stems[i], tolerance) : null;
      if (!replacement) return;
      stems[i] = replacement;
      if (asPrefix) prefix = false;
      words.push({ from: word, stem: replacement });
    });
    return { ...term, stems, prefix };
  });
  return words.length > 0 ? { query: { ...query, terms }, words } : null;
}

/**
 * The query as typed, each corrected word replaced by how the results write it
 * ("bibliotheqe" → "bibliothèque"), or by its stem when no result shows it.
 */
export function correctedText(text: string, words: Correction["words"], shown: string[]): string {
  const display = new Map(
    words.map(({ from, stem }) => [from, shown.find((w) => stemFrench(foldWord(w)) === stem) ?? stem]),
  );
  let out = "";
  let at = 0;
  for (const token of tokenize(text)) {
    const replacement = display.get(token.word);
    if (!replacement) continue;
    out += text.slice(at, token.start) + replacement;
    at = token.end;
  }
  return out + text.slice(at);
}

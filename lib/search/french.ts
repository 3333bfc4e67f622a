/**
 * French text handling for the wiki's search, shared by the indexer, the query builder and the
 * browser (highlighting suggestions). Pure: no Node, no database, and no stemmer (stemmer.ts),
 * which would weigh on every page that has the header's search box.
 *
 * The full-text index holds, for every original text, a copy made of one folded and stemmed token
 * per original token, in the same order. SQLite's `unicode61 remove_diacritics 2` tokenizer cuts
 * the original text into exactly these tokens, which is what lets FTS5's snippet() and
 * highlight() place their marks on the original words while matching runs on stems.
 */

/** Characters FTS5's unicode61 tokenizer keeps in tokens (categories L*, N*, Co, plus Mn with remove_diacritics). */
const TOKEN = /[\p{L}\p{N}\p{Co}\p{Mn}]+/gu;
const APOSTROPHES = new Set(["'", "’", "ʼ"]);
/** Words elided before a vowel: l'école, qu'il, jusqu'à… */
export const ELISIONS = new Set(["l", "d", "qu", "j", "n", "s", "c", "m", "t", "lorsqu", "puisqu", "jusqu", "quoiqu"]);

/** Function words left out of queries (never out of the index: phrases still need them). */
const STOP_WORDS = new Set(
  (
    "a au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur leurs lui ma mais me " +
    "meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une " +
    "vos votre vous y est sont ete etre avoir"
  ).split(" "),
);

export type Token = { start: number; end: number; word: string };

/** Lower case, no accents, no ligatures: "Œuvre ÉTÉ ﬁn" → "oeuvre ete fin". Keeps only letters and digits. */
export function foldWord(word: string): string {
  // Most words of a French text are already plain lower-case ASCII.
  if (/^[a-z0-9]*$/.test(word)) return word;
  return word
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[œŒ]/g, "oe")
    .replace(/[æÆ]/g, "ae")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * Text as stored for display and highlighting: NFC, with the control characters that
 * search uses as highlight markers turned into spaces (still separators, so tokens do not change).
 */
export function cleanDisplayText(text: string): string {
  return text.normalize("NFC").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, " ");
}

/** The tokens of a text, as unicode61 cuts them, each with its folded form (possibly empty). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    tokens.push({ start: match.index, end: match.index + match[0].length, word: foldWord(match[0]) });
  }
  return tokens;
}

/**
 * How query words become index terms. The index's stemmer (Snowball, lib/search/stemmer.ts) is
 * left out of this module because the browser imports it: the default keeps words as folded.
 */
export type WordStemmer = {
  stem(word: string): string;
  /** What a word typed halfway may stand for; see TypedForms. */
  typedForms(typed: string): TypedForms;
};

/**
 * The index terms a word typed halfway may be part of: any term that starts with one of `starts`,
 * or exactly one of `stems` (a stemmer may cut a typed word's end, which no longer starts its stem).
 */
export type TypedForms = { starts: string[]; stems: string[] };

/** Words as folded, no stemming: what the browser matches with. */
export const FOLDING_ONLY: WordStemmer = { stem: (word) => word, typedForms: (typed) => ({ starts: [typed], stems: [] }) };

/** Whether a folded word is a function word, which queries leave out. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** One element of a query: a word, or a phrase from quotes or a compound such as "Saint-Médard". */
export type QueryTerm = {
  /** Folded words as typed, without elisions. */
  words: string[];
  stems: string[];
  /** The last word may be the start of a longer one. */
  prefix: boolean;
  /** For a prefix term, what its last word may stand for. */
  typed?: TypedForms;
  /**
   * The indexed stems that the last word, as a prefix, stands for, when the caller looked them up:
   * exact terms cost FTS5 a seek where a prefix query merges every matching doclist.
   */
  completions?: string[];
  /** Stems of the phrases a synonym group adds to this term, any of which matches too. */
  synonyms?: string[][];
};

export type ParsedQuery = { terms: QueryTerm[]; text: string };

const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 12;

function wordsOf(chunk: string): string[] {
  const tokens = tokenize(chunk);
  return tokens
    .filter((token, i) => {
      const next = tokens[i + 1];
      const elided = ELISIONS.has(token.word) && next !== undefined && next.start === token.end + 1 && APOSTROPHES.has(chunk[token.end]);
      return token.word !== "" && !elided;
    })
    .map((token) => token.word);
}

/**
 * Reads what someone typed. Double quotes make a phrase; every other sign is a separator, so
 * that nothing typed can become an FTS5 operator. Function words are left out unless nothing else remains.
 */
export function parseSearchQuery(
  input: string,
  options: { prefixLast?: boolean; minPrefixLength?: number; stemmer?: WordStemmer } = {},
): ParsedQuery {
  const { prefixLast = true, minPrefixLength = 3, stemmer = FOLDING_ONLY } = options;
  const text = input.slice(0, MAX_QUERY_LENGTH);
  const quotes = (text.match(/"/g) ?? []).length;
  const parts = quotes >= 2 ? text.split('"') : [text.replace(/"/g, " ")];
  // With an odd number of quotes, the last one opens nothing.
  if (quotes >= 2 && quotes % 2 === 1) parts.splice(parts.length - 2, 2, `${parts[parts.length - 2]} ${parts[parts.length - 1]}`);
  const raw: { words: string[]; quoted: boolean }[] = [];
  parts.forEach((part, i) => {
    const quoted = i % 2 === 1;
    if (quoted) raw.push({ words: wordsOf(part), quoted });
    else for (const chunk of part.split(/\s+/)) raw.push({ words: wordsOf(chunk), quoted });
  });
  const nonEmpty = raw.filter((t) => t.words.length > 0);
  const meaningful = nonEmpty.filter((t) => t.quoted || t.words.length > 1 || !STOP_WORDS.has(t.words[0]));
  const onlyFunctionWords = meaningful.length === 0;
  const kept = (onlyFunctionWords ? nonEmpty : meaningful).slice(0, MAX_TERMS);
  const endsOpen = !/[\s"]$/.test(text);
  const terms = kept.map((t, i): QueryTerm => {
    const last = t.words[t.words.length - 1];
    const prefix =
      prefixLast && endsOpen && i === kept.length - 1 && !t.quoted && !onlyFunctionWords && last.length >= minPrefixLength;
    const stems = t.words.map((word) => stemmer.stem(word));
    return prefix ? { words: t.words, stems, prefix, typed: stemmer.typedForms(last) } : { words: t.words, stems, prefix };
  });
  return { terms, text };
}

function quote(words: string[]): string {
  // Words hold only letters and digits; doubling quotes keeps that true of anything passed here.
  return `"${words.join(" ").replace(/"/g, '""')}"`;
}

function ownMatch(term: QueryTerm): string[] {
  if (!term.prefix) return [quote(term.stems)];
  const head = term.stems.slice(0, -1);
  if (term.completions?.length) return term.completions.map((stem) => quote([...head, stem]));
  const typed = term.typed ?? FOLDING_ONLY.typedForms(term.words[term.words.length - 1]);
  return [...typed.starts.map((form) => `${quote([...head, form])} *`), ...typed.stems.map((stem) => quote([...head, stem]))];
}

/** The FTS5 MATCH expression of a term. */
export function termToMatch(term: QueryTerm): string {
  const forms = [...ownMatch(term), ...(term.synonyms ?? []).map(quote)];
  return forms.length === 1 ? forms[0] : `(${forms.join(" OR ")})`;
}

/** The FTS5 MATCH expression of a query (every term required), or null when nothing can be searched. */
export function toMatchExpression(query: ParsedQuery): string | null {
  if (query.terms.length === 0) return null;
  return query.terms.map(termToMatch).join(" AND ");
}

/** Damerau–Levenshtein distance (adjacent transpositions), or max + 1 as soon as it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, prevPrev[j - 2] + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}

/** How many typing errors a word of this length may hold and still be corrected. */
export function typoTolerance(word: string): number {
  if (word.length < 4) return 0;
  return word.length < 8 ? 1 : 2;
}

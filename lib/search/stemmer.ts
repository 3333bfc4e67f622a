/**
 * The index's French stemmer: Snowball's, run on folded words. Pure, but server-side only: the
 * snowball-stemmers package ships every language in one 860 kB file, which the browser must not
 * load for the header's search box (that one matches folded words, see highlight.ts).
 *
 * Words are folded before Snowball sees them, at indexing and at query time alike, because people
 * type without accents: "activite" and "activité" must land on the same stem.
 */
import { newStemmer } from "snowball-stemmers";
import { foldWord, isStopWord, parseSearchQuery, type ParsedQuery, type TypedForms, type WordStemmer } from "./french";

/** Changes whenever stemFrench or tokenize would cut or stem a text differently: the index is then rebuilt. */
export const STEMMER_VERSION = 2;

const snowball = newStemmer("french");

// Plurals Snowball leaves apart from their singular (it stems -aux to -al, and keeps -eux, -oux).
const IRREGULAR: Record<string, string> = {
  travaux: "travail",
  vitraux: "vitrail",
  baux: "bail",
  coraux: "corail",
  emaux: "email",
  soupiraux: "soupirail",
  vantaux: "vantail",
  maux: "mal",
  etaux: "etau",
  lieux: "lieu",
  jeux: "jeu",
  feux: "feu",
  cheveux: "cheveu",
  neveux: "neveu",
  bijoux: "bijou",
  cailloux: "caillou",
  choux: "chou",
  genoux: "genou",
  hiboux: "hibou",
  joujoux: "joujou",
  poux: "pou",
};

/**
 * What Snowball cannot see in a folded word: the feminine -ée (from which folding took the accent),
 * the -trice of a -teur, -yaux plurals (tuyaux, noyaux).
 */
function beforeSnowball(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  if (word.length > 5 && /ees?$/.test(word)) return word.replace(/es?$/, "");
  if (word.length >= 8 && /[ac]trices?$/.test(word)) return word.replace(/trices?$/, "teur");
  if (word.endsWith("yaux")) return word.slice(0, -1);
  return word;
}

/** The stem of a folded word: Snowball French, with the plurals and feminines it misses brought together. */
export function stemFrench(word: string): string {
  if (word.length < 3 || /[^a-z]/.test(word)) return word;
  return snowball.stem(beforeSnowball(word));
}

// A text repeats the same few hundred words: indexing a fiche stems each of them once.
// Keyed by the token as written, so that a word seen before is neither folded nor stemmed again:
// the projection re-indexes a whole fiche body at every pause in typing.
const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 50_000;
// Longer tokens (a pasted URL, a hostile run of letters) are stemmed each time rather than kept.
const CACHED_TOKEN_MAX = 64;
/** Characters FTS5's unicode61 tokenizer keeps in tokens; the same as tokenize()'s. */
const TOKEN = /[\p{L}\p{N}\p{Co}\p{Mn}]+/gu;

function stemOfToken(token: string): string {
  let stem = stemCache.get(token);
  if (stem === undefined) {
    const word = foldWord(token);
    stem = word ? stemFrench(word) : "";
    if (token.length <= CACHED_TOKEN_MAX) {
      if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
      stemCache.set(token, stem);
    }
  }
  return stem;
}

/** The indexed copy of a text: one stem per original token, separated by spaces. */
export function stemmedText(text: string): string {
  const stems: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const stem = stemOfToken(match[0]);
    if (stem) stems.push(stem);
  }
  return stems.join(" ");
}

// Snowball French's suffixes (folded, with the "at"/"iv"/"abl"… they may take along), which a word
// typed halfway may have started: its stem then ends before what was typed.
const SUFFIXES = (
  "ance ances ique iques isme ismes able ables iste istes eux atrice atrices ateur ateurs ation ations " +
  "logie logies usion usions ution utions ence ences ement ements ivement ativement eusement ablement iblement " +
  "ite ites abilite icite ivite if ive ifs ives atif ative atifs atives eaux aux euse euses issement issements " +
  "amment emment ment ments imes it ites ie ies ir ira irai iraient irais irait iras irent irez iriez irions irons " +
  "iront is issaient issais issait issant issante issantes issants isse issent isses issez issiez issions issons " +
  "ions ee ees es erent er era erai eraient erais erait eras erez eriez erions erons eront ez iez ames at ates ai " +
  "aient ais ait ant ante antes ants as asse assent asses assiez assions ion ier iere iers ieres e s"
).split(" ");
const SUFFIX_STARTS = new Set(SUFFIXES.flatMap((suffix) => Array.from({ length: suffix.length }, (_, i) => suffix.slice(0, i + 1))));
const LONGEST_SUFFIX = Math.max(...SUFFIXES.map((s) => s.length));
// Shorter cut stems ("par" from "pari") would match words that have nothing to do with what is typed.
const MIN_CUT_STEM = 4;

/**
 * The index terms a word typed halfway may be part of: those that start with it (or with its stem,
 * with -al for a typed -au, -teur for a typed -tri…, an irregular plural's singular), and those that are exactly what remains of it once the start of
 * a Snowball suffix is cut ("administrati" → "administr", "numeriq" → "numer").
 */
export function prefixForms(typed: string): TypedForms {
  const own = stemFrench(typed);
  const starts = new Set([typed]);
  if (/[^ey]au$/.test(typed)) starts.add(`${typed.slice(0, -2)}al`);
  if (typed.length >= 3) {
    for (const [plural, singular] of Object.entries(IRREGULAR)) if (plural.startsWith(typed)) starts.add(stemFrench(singular));
  }
  starts.add(own);
  const trice = /[ac](tr|tri|tric|trice|trices)$/.exec(typed);
  if (trice && typed.length - trice[1].length >= 5) starts.add(`${typed.slice(0, -trice[1].length)}teur`);
  const stems = new Set<string>();
  for (let n = 1; n <= Math.min(LONGEST_SUFFIX, typed.length - MIN_CUT_STEM); n++) {
    const cut = typed.slice(0, -n);
    if (!SUFFIX_STARTS.has(typed.slice(-n)) || isStopWord(cut)) continue;
    // Snowball's last step undoubles what the suffix leaves: "professionnell(ement)" → "professionnel".
    stems.add(/(enn|onn|ett|ell|eill)$/.test(cut) ? cut.slice(0, -1) : cut);
  }
  // A form that a start already covers adds nothing to an OR of prefix queries.
  const startList = [...starts].filter((f, _, all) => !all.some((g) => g !== f && f.startsWith(g)));
  return { starts: startList, stems: [...stems].filter((s) => !startList.some((f) => s.startsWith(f))).sort() };
}

/** The index's rules, for parseSearchQuery. */
export const FRENCH_STEMMER: WordStemmer = { stem: stemFrench, typedForms: prefixForms };

/** parseSearchQuery with the index's stemmer: what every server-side search reads a query with. */
export function parseStemmedQuery(input: string, options: { prefixLast?: boolean; minPrefixLength?: number } = {}): ParsedQuery {
  return parseSearchQuery(input, { ...options, stemmer: FRENCH_STEMMER });
}

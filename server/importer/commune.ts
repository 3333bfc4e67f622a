import { BORDEAUX_QUARTIERS, GIRONDE_COMMUNES, OTHER_COMMUNES } from "./communes-data";
import type { ImportedFicheType } from "./types";

/*
 * The commune of a fiche, read from its own text against a closed list of communes (communes-data.ts).
 *
 * A name matches on word boundaries, accents, case, hyphens and apostrophes folded ("la Teste de
 * Buch" is La Teste-de-Buch), but only where the text writes it with a capital: "cars" or "salles"
 * in a sentence are words, not communes. A neighbourhood of Bordeaux ("habitants de Bacalan")
 * names Bordeaux. "Bordeaux Métropole" is a territory, not the commune of Bordeaux.
 *
 * Where the action takes place, when several communes are named: the first one found in the first
 * of these places that names any, in this order:
 *   1. the title;
 *   2. a municipality among the acteurs ("Ville de Cenon", "Mairie de Bègles", "CCAS de Mérignac");
 *   3. any other mention of a commune of the Gironde in the acteurs ("Centre social de la Teste de
 *      Buch", "IUT de Bordeaux"): an organisation from elsewhere is a partner's seat, not the place
 *      of the action ("CISS Aquitaine et Paris" is the regional and the national CISS);
 *   4. the public concerné;
 *   5. the descriptif and éléments spécifiques; never for an idée, whose pistes cite models found
 *      elsewhere ("sur le modèle du Pôle d'échange de la Buttinière à Cenon").
 */

export type CommuneSource = "titre" | "acteur_municipal" | "acteur" | "cible" | "texte";

/** A commune found in a fiche, with where it was read. */
export type CommuneMention = { commune: string; source: CommuneSource };

/** The commune chosen for a fiche, and every distinct commune the fiche names (in tier order). */
export type CommuneDecision = { commune: string | null; source: CommuneSource | null; candidates: CommuneMention[] };

/** One char in, one char out, so that positions in the folded text are positions in the original. */
function foldChar(char: string): string {
  const folded = char.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  if (folded.length !== 1) return char.toLowerCase().slice(0, 1) || " ";
  return /[-'’\s]/.test(folded) ? " " : folded;
}

function foldKeepingLength(text: string): string {
  return text.split("").map(foldChar).join("");
}

function keyOf(name: string): string {
  return foldKeepingLength(name).replace(/\s+/g, " ").trim();
}

type Entry = { key: string; commune: string };

// Names that are also everyday words, when capitalised at a sentence's start: matched only inside one.
const WORD_LIKE = new Set(["bourg", "cars", "salles", "baron", "lignan", "mios", "sainte croix du mont", "marcillac"]);

// Every name by its folded words ("saint medard en jalles"), looked up word run by word run: one
// regular expression per commune cost 3 ms a fiche field.
const ENTRIES = new Map<string, Entry>();
const add = (name: string, commune: string) => {
  const key = keyOf(name);
  if (!ENTRIES.has(key)) ENTRIES.set(key, { key, commune });
};
for (const commune of [...GIRONDE_COMMUNES, ...OTHER_COMMUNES]) {
  add(commune, commune);
  // "La Teste-de-Buch" is often written without its article, unlike "Le Bouscat".
  const bare = /^(?:La|Le|Les) (.+[ -].+)$/.exec(commune);
  if (bare) add(bare[1], commune);
}
for (const quartier of BORDEAUX_QUARTIERS) add(quartier, "Bordeaux");
const MAX_WORDS = Math.max(...[...ENTRIES.keys()].map((key) => key.split(" ").length));

// Territories and institutions that contain a commune's name without being in it.
const NOT_A_COMMUNE = /\bbordeaux metropole\b|\bbordeaux games\b|\bmetropole de bordeaux\b/g;

/** The communes named in a text, in order of appearance (each once). */
export function findCommunes(text: string): string[] {
  const folded = foldKeepingLength(text).replace(NOT_A_COMMUNE, (match) => " ".repeat(match.length));
  // Addresses ("www.brest.fr") are not mentions.
  const masked = folded.replace(/(?:https?:\/\/|www\.)\S+|\S+@\S+/g, (match) => " ".repeat(match.length));
  const words = [...masked.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ({ text: match[0], at: match.index, end: match.index + match[0].length }));
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    // Longest name first, so that "Saint-Médard-en-Jalles" is not read as a shorter name; only
    // across spaces (hyphens and apostrophes are folded to spaces), never across punctuation.
    for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1; n--) {
      const run = words.slice(i, i + n);
      if (run.some((word, k) => k > 0 && masked.slice(run[k - 1].end, word.at).trim() !== "")) continue;
      const entry = ENTRIES.get(run.map((word) => word.text).join(" "));
      if (!entry) continue;
      const at = run[0].at;
      // The original must be capitalised where the name starts ("la Teste de Buch": after the article).
      const span = text.slice(at, run[n - 1].end);
      const significant = /^(?:la|le|les)\s/iu.test(span) ? span.replace(/^\S+\s+/u, "") : span;
      if (!/^\p{Lu}/u.test(significant)) continue;
      if (WORD_LIKE.has(entry.key) && /(?:^|[.!?:]\s*)$/.test(text.slice(0, at))) continue;
      if (!found.includes(entry.commune)) found.push(entry.commune);
      i += n - 1;
      break;
    }
  }
  return found;
}

const GIRONDE = new Set(GIRONDE_COMMUNES);

const MUNICIPAL = /\b(?:ville|mairie|commune|ccas|centre communal d['’]action sociale)\s+(?:de\s+la\s+|de\s+l['’]|de\s+|d['’])/iu;

/** The fields of a fiche the commune is read from. */
export type CommuneInput = {
  type: ImportedFicheType;
  titre: string;
  acteursRaw: string | null;
  cible: string | null;
  texte: (string | null | undefined)[];
};

/** Chooses the commune of a fiche by the tiers above; `candidates` lists every commune named, for the report. */
export function decideCommune(input: CommuneInput): CommuneDecision {
  const pieces = (input.acteursRaw ?? "").split(/\s*[,;+/]\s*|\s+et\s+/u);
  const tiers: [CommuneSource, string[]][] = [
    ["titre", findCommunes(input.titre)],
    ["acteur_municipal", pieces.filter((piece) => MUNICIPAL.test(piece)).flatMap(findCommunes)],
    ["acteur", findCommunes(input.acteursRaw ?? "").filter((commune) => GIRONDE.has(commune))],
    ["cible", findCommunes(input.cible ?? "")],
    ["texte", input.type === "idee" ? [] : findCommunes(input.texte.filter(Boolean).join("\n"))],
  ];
  const candidates: CommuneMention[] = [];
  for (const [source, communes] of tiers) {
    for (const commune of communes) if (!candidates.some((c) => c.commune === commune)) candidates.push({ commune, source });
  }
  const first = tiers.find(([, communes]) => communes.length > 0);
  return { commune: first?.[1][0] ?? null, source: first?.[0] ?? null, candidates };
}

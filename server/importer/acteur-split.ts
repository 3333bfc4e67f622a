import type { FicheActeurRole } from "@/lib/fiche/values";
import { foldText } from "@/lib/slug";
import { canonicalActeur, foldActeurName, normaliseActeurName } from "./acteur-names";
import { guessActeurKind, isKnownActeur } from "./acteur-typologie";
import { BORDEAUX_QUARTIERS, GIRONDE_COMMUNES, OTHER_COMMUNES } from "./communes-data";
import type { ImportedFicheType, ParsedActeur } from "./types";

/*
 * Cutting an "Acteurs" line into acteurs.
 *
 * Separators, outside parentheses only: "," ";" ":" "+", a sentence end, the lower-case words
 * "et", "ou", "avec" (so "Arbor Et Sens" stays whole), a "/" with a space on one side ("CEID /SNCF"
 * but not "PIJ/PAJ"), and the cues "avec le soutien de", "en partenariat avec", "soutenu par"
 * (whose acteur is suggested as a partenaire) and "financé par" (a financeur). After a piece that
 * names partners ("les partenaires de l'association : DUI, ERDF…"), the next pieces are partenaires.
 * An "et" followed by a place name only names the same organisation in another place: "CISS
 * Aquitaine et Paris" is CISS Aquitaine and CISS Paris.
 *
 * A place alone ("Ginko", a neighbourhood of Bordeaux) is where the action happens, not an acteur.
 *
 * A piece is generic, not a directory acteur, when it starts with a category word (collectivités,
 * acteurs, associations, mairie…) not followed by a proper name: "associations locales",
 * "Mairie" alone, "Collégiens". "Association Petits Frères des Pauvres" and "Mairie de Bordeaux" are names.
 */

const PLACES = new Set(["paris", "bordeaux", "aquitaine", "gironde", "lille", "france", "merignac", "pessac", "cenon", "begles"]);

const GENERIC_HEADS = new Set(
  [
    "acteur", "association", "collectivite", "organisme", "entreprise", "citoyen", "habitant", "animateur",
    "fondateur", "administrateur", "partenaire", "mediateur", "benevole", "operateur", "industriel", "ingenieur",
    "developpeur", "accompagnant", "accompagnateur", "service", "pouvoir", "mairie", "ville", "metropole",
    "commune", "ccas", "sivu", "collegien", "eleve", "etudiant", "jeune", "enseignant", "sociologue",
    "universitaire", "representant", "noyau", "communaute", "groupe", "mouvement", "reseau", "utilisateur",
    "personne", "salarie", "professionnel", "structure", "institution", "communicant", "ecosysteme",
    "partenariat", "porteur",
  ],
);
// Heads that never start a name, whatever follows.
const ALWAYS_GENERIC_HEADS = new Set(["interne", "financement", "cm1", "cm2", "tout", "tous", "toute", "toutes"]);
const GENERIC_PAIRS = new Set(["centre social", "etat civil"]);
// People "of" an organisation: the organisation is the acteur ("Etudiants de l'ENSEIRB" → ENSEIRB).
const PERSON_HEADS = new Set(["etudiant", "animateur", "salarie", "eleve", "benevole", "chercheur"]);
const LEADING_WORDS = new Set(["par", "les", "des", "la", "le", "l", "un", "une", "son", "sa", "ses", "leur", "leurs"]);
const LINK_WORDS = new Set(["de", "du", "des", "la", "le", "l", "d", "et", "en", "a", "au", "aux"]);

const SEPARATOR =
  /(\s+(?:avec le soutien(?: actif)? (?:du|de la|de l['’]|des|de)|en partenariat avec|soutenue?s? par|financée?s? par)\s+)|\s*[,;:+]\s*|\.\s+(?=\p{Lu})|\s+(?:et|ou|avec)\s+|\s+\/\s*|\s*\/\s+/gu;

// A piece naming the partners or funders that the next pieces list.
const ROLE_CUE = /\b(partenaires?|financeurs?|mecenes?)\b/;

type Piece = { text: string; separator: string; role: FicheActeurRole | null };

function singular(word: string): string {
  return word.length > 3 ? word.replace(/[sx]$/, "") : word;
}

function cutPieces(raw: string): Piece[] {
  // Parentheses are set aside so that their commas and "et" never separate acteurs.
  const parentheses: string[] = [];
  const masked = raw.replace(/\([^()]*\)/g, (group) => `\u0001${parentheses.push(group) - 1}\u0002`);
  const unmask = (text: string) => text.replace(/\u0001(\d+)\u0002/g, (_, i: string) => parentheses[Number(i)]);
  const pieces: Piece[] = [];
  let last = 0;
  let separator = "";
  let role: FicheActeurRole | null = null;
  for (const match of masked.matchAll(SEPARATOR)) {
    pieces.push({ text: unmask(masked.slice(last, match.index)), separator, role });
    separator = match[0];
    role = match[1] ? (/financ/iu.test(match[1]) ? "financeur" : "partenaire") : null;
    last = match.index + match[0].length;
  }
  pieces.push({ text: unmask(masked.slice(last)), separator, role });
  // "CISS Aquitaine et Paris (…)": a place alone after "et" is the previous name in another place,
  // and a lower-case complement belongs to the previous name ("Ministère de la jeunesse et des sports").
  const merged: Piece[] = [];
  for (const piece of pieces) {
    const bare = foldActeurName(piece.text.replace(/\([^)]*\)/g, ""));
    const previous = merged[merged.length - 1];
    const afterEt = previous && /^\s+et\s+$/.test(piece.separator);
    const previousPlace = previous && /^(.*\S)\s+(\S+)$/u.exec(previous.text);
    if (afterEt && PLACES.has(bare) && previousPlace && PLACES.has(foldActeurName(previousPlace[2]))) {
      const parenthesis = /\([^)]*\)/.exec(piece.text)?.[0] ?? "";
      // The expansion "(… en Aquitaine)" describes the organisation of the place it names.
      const ownsParenthesis = parenthesis && foldActeurName(parenthesis).includes(foldActeurName(previousPlace[2]));
      if (ownsParenthesis) previous.text += ` ${parenthesis}`;
      const place = piece.text.replace(/\s*\([^)]*\)/g, "").trim();
      merged.push({ ...piece, text: `${previousPlace[1]} ${place}${ownsParenthesis || !parenthesis ? "" : ` ${parenthesis}`}` });
    } else if (afterEt && (PLACES.has(bare) || /^(?:des|du|de la|de l['’])\s*\p{Ll}/u.test(piece.text))) {
      previous.text += `${piece.separator}${piece.text}`;
    } else merged.push({ ...piece });
  }
  return merged;
}

function cleanPiece(text: string): string {
  return text
    .replace(/^.*?\b(?:organis|port|men)[ée]e?s? par\s+/iu, "")
    .replace(/\s+(?:sur le plan national|en France|à l['’]international|à l['’]échelle nationale)\s*$/iu, "")
    .replace(/(?:\s*(?:\.{2,}|…))+\s*$/u, "")
    .replace(/[\s.,;]+$/u, "")
    .replace(/^(?:[Pp]ar\s+)?(?:l['’]|la\s+|le\s+|les\s+|des\s+|du\s+|de\s+la\s+|de\s+l['’]|son\s+|sa\s+|ses\s+|leurs?\s+)/u, "")
    .trim();
}

type GenericVerdict = { generic: boolean; extracted?: string; place?: boolean };

const PLACE_NAMES = new Set([...GIRONDE_COMMUNES, ...OTHER_COMMUNES, ...BORDEAUX_QUARTIERS].map(foldActeurName));

function judgeName(nom: string): GenericVerdict {
  if (PLACE_NAMES.has(foldActeurName(nom))) return { generic: true, place: true };
  // "S'appuyer sur des réseaux existants…": a sentence, not a name.
  if (/^(?:s['’]|se\s)/iu.test(nom)) return { generic: true };
  const words = nom.split(/[\s'’-]+/).filter(Boolean);
  const folded = words.map((word) => foldText(word).replace(/[^a-z0-9]/g, ""));
  let start = 0;
  while (start < folded.length - 1 && LEADING_WORDS.has(folded[start])) start++;
  const first = folded[start] ?? "";
  // Heads are listed in the singular; "ccas" or "tous" must not lose their final "s" to match.
  const head = GENERIC_HEADS.has(first) || ALWAYS_GENERIC_HEADS.has(first) ? first : singular(first);
  const pair = `${first} ${folded[start + 1] ?? ""}`;
  if (ALWAYS_GENERIC_HEADS.has(head)) return { generic: true };
  const headLength = GENERIC_PAIRS.has(pair) ? 2 : GENERIC_HEADS.has(head) ? 1 : 0;
  if (headLength === 0) return { generic: false };
  let next = start + headLength;
  while (next < words.length && LINK_WORDS.has(folded[next])) next++;
  const following = words[next];
  if (!following || !/^[\p{Lu}\p{N}]/u.test(following)) return { generic: true };
  if (PERSON_HEADS.has(head)) return { generic: true, extracted: words.slice(next).join(" ") };
  return { generic: false };
}

function buildActeur(source: string, nom: string, parentheses: string[], role: FicheActeurRole, verdict: boolean | "place"): ParsedActeur {
  const generic = verdict !== false;
  let sigle: string | null = null;
  const others: string[] = [];
  for (const content of parentheses) {
    if (!sigle && /^[\p{Lu}\p{N}&.-]{2,8}$/u.test(content)) sigle = content;
    else others.push(content);
  }
  const precision = others.length ? others.join(" ; ") : null;
  if (!sigle && precision && /^[\p{Lu}\p{N}&.-]{2,10}$/u.test(nom)) sigle = nom;
  const key = normaliseActeurName(precision ? `${nom} (${precision})` : nom);
  const canonical = canonicalActeur(key);
  // The alias table's name reads better for the rules: "Espaces vert de la Mairie…" is "Ville de Bordeaux – Espaces verts".
  const kind = guessActeurKind(key, canonical?.nom || nom, precision);
  return {
    source,
    nom,
    sigle,
    precision,
    organisation: canonical?.organisation ?? null,
    key,
    generic,
    role,
    categorie: kind.categorie,
    typologie: kind.typologie,
    confident: generic ? false : kind.confident,
    reason: verdict === "place" ? "un lieu, pas une organisation" : generic ? "acteur générique : pas une organisation identifiable" : kind.reason,
    reasonEn: verdict === "place" ? "a place, not an organisation" : generic ? "generic acteur: not an identifiable organisation" : kind.reasonEn,
  };
}

/** Cuts an "Acteurs" line into acteurs, generic ones included and flagged (see the rules above). */
export function splitActeurs(raw: string, options: { type?: ImportedFicheType } = {}): ParsedActeur[] {
  const acteurs: ParsedActeur[] = [];
  const seen = new Set<string>();
  const push = (acteur: ParsedActeur) => {
    const id = `${acteur.generic ? "g" : "o"}:${acteur.key}`;
    if (!acteur.key || seen.has(id)) return;
    seen.add(id);
    acteurs.push(acteur);
  };
  let cueRole: FicheActeurRole | null = null;
  for (const piece of cutPieces(raw.replace(/\s+/g, " ").trim())) {
    const cleaned = cleanPiece(piece.text);
    const cue = ROLE_CUE.exec(foldText(cleaned));
    // A clause such as "mais existe aussi à l'international" comments the previous name.
    if (!cleaned || /^(?:mais|qui|dont|pour|afin|notamment|avec)\b/u.test(cleaned)) continue;
    const role: FicheActeurRole = options.type === "idee" ? "pressenti" : (piece.role ?? cueRole ?? "porteur");
    // "ses partenaires habituels … : les MDSI, le CCAS": the cue piece itself is generic, the following are partners.
    if (cue) cueRole = /^financ/.test(cue[1]) ? "financeur" : "partenaire";
    const parentheses = [...cleaned.matchAll(/\(([^()]*)\)/g)].map((match) => match[1].trim());
    let nom = cleaned.replace(/\s*\([^()]*\)/g, "").trim();
    // "société Ryxéo": a lower-case descriptor before the name is kept as its precision.
    const descriptor = /^(société)\s+(?=\p{Lu})/u.exec(nom);
    if (descriptor) {
      parentheses.push(descriptor[1]);
      nom = nom.slice(descriptor[0].length);
    }
    const verdict = judgeName(nom);
    if (verdict.extracted) {
      const inner = verdict.extracted;
      push(buildActeur(piece.text.trim(), inner, parentheses, role, judgeName(inner).generic));
      continue;
    }
    push(buildActeur(piece.text.trim(), nom, parentheses, role, verdict.place ? "place" : verdict.generic));
    if (verdict.generic) {
      // "entreprises (Orange, EDF...)": named examples inside a generic group are acteurs when
      // they are acronyms or organisations the table knows.
      for (const item of parentheses.flatMap((content) => content.split(/\s*,\s*|\s+et\s+/))) {
        const name = cleanPiece(item);
        if (/^[\p{Lu}\p{N}]{2,}$/u.test(name) || isKnownActeur(normaliseActeurName(name))) {
          push(buildActeur(piece.text.trim(), name, [], role, false));
        }
      }
    }
  }
  return acteurs;
}

import type { ActeurCategorie } from "@/db/schema";
import type { ActeurTypologie } from "@/lib/acteur/labels";
import { foldActeurName } from "./acteur-names";

export type ActeurKind = { categorie: ActeurCategorie; typologie: ActeurTypologie; confident: boolean; reason: string; reasonEn: string };

/**
 * Organisations of the Livre blanc whose name says nothing of what they are (companies,
 * associations with a brand name, public bodies known by an acronym). Keyed by normalised name.
 */
const KNOWN: Record<string, [ActeurTypologie, ActeurCategorie]> = {
  orange: ["entreprise", "prive"],
  auchan: ["entreprise", "prive"],
  vinci: ["entreprise", "prive"],
  erdf: ["entreprise", "prive"],
  edf: ["entreprise", "prive"],
  numericable: ["entreprise", "prive"],
  keolis: ["entreprise", "prive"],
  "la poste": ["entreprise", "prive"],
  "mondial assistance": ["entreprise", "prive"],
  ecologic: ["entreprise", "prive"],
  helloasso: ["entreprise", "prive"],
  "colysee patrimoine": ["entreprise", "prive"],
  // An EPIC in 2016: a public body run as a company.
  sncf: ["etablissement_public", "public"],
  // Offices publics de l'habitat, the social landlords of the fiches.
  aquitanis: ["etablissement_public", "public"],
  "gironde habitat": ["etablissement_public", "public"],
  carsat: ["etablissement_public", "public"],
  caf: ["etablissement_public", "public"],
  cpam: ["etablissement_public", "public"],
  ants: ["etablissement_public", "public"],
  inria: ["etablissement_public", "public"],
  labri: ["etablissement_public", "public"],
  enseirb: ["etablissement_scolaire_formation", "public"],
  "gpv rive droite": ["etablissement_public", "public"],
  "coderpa 33": ["etablissement_public", "public"],
  dginsi: ["collectivite_territoriale", "public"],
  dgsa: ["collectivite_territoriale", "public"],
  mdsi: ["collectivite_territoriale", "public"],
  aquinum: ["association", "non_lucratif"],
  "les bruits de la rue": ["association", "non_lucratif"],
  "adav 33": ["association", "non_lucratif"],
  "adapei de la gironde": ["association", "non_lucratif"],
  ceid: ["association", "non_lucratif"],
  "cap sciences": ["association", "non_lucratif"],
  framasoft: ["association", "non_lucratif"],
  "emmaus connect": ["association", "non_lucratif"],
  "les petits debrouillards": ["association", "non_lucratif"],
  ouishare: ["association", "non_lucratif"],
  pimms: ["association", "non_lucratif"],
  "halle des douves": ["association", "non_lucratif"],
  "media cite": ["association", "non_lucratif"],
  "bordeaux games": ["association", "non_lucratif"],
  irsa: ["association", "non_lucratif"],
  "croix rouge francaise": ["association", "non_lucratif"],
  "france terre d asile": ["association", "non_lucratif"],
  diaconat: ["association", "non_lucratif"],
  "atelier graphite": ["association", "non_lucratif"],
  "astree benevoles": ["association", "non_lucratif"],
  "arbor et sens": ["association", "non_lucratif"],
  "villes internet": ["association", "non_lucratif"],
  fing: ["association", "non_lucratif"],
  oareil: ["association", "non_lucratif"],
  "universite du temps libre": ["association", "non_lucratif"],
  "la banque alimentaire": ["association", "non_lucratif"],
  "khan academy": ["association", "non_lucratif"],
  "societe philomathique de bordeaux": ["association", "non_lucratif"],
  "irts aquitaine": ["etablissement_scolaire_formation", "non_lucratif"],
  "l ecole de la 2e chance grand lille": ["structure_insertion", "non_lucratif"],
};

type Rule = { pattern: RegExp; typologie: ActeurTypologie; categorie: ActeurCategorie; confident: boolean; label: string };

// Checked in order on the folded name and its parenthesis; the first match decides.
const RULES: Rule[] = [
  { pattern: /\bccas\b|\budccas?\b|centre communal d action sociale/, typologie: "ccas_cias", categorie: "public", confident: true, label: "CCAS" },
  { pattern: /\bbiblioth|\bmediath/, typologie: "bibliotheque_mediatheque", categorie: "public", confident: true, label: "bibliothèque" },
  // Most centres sociaux are associations, some are run by a commune: the catégorie is a guess.
  { pattern: /\bcentres? (social|sociaux|d animation)\b/, typologie: "centre_social", categorie: "non_lucratif", confident: false, label: "centre social" },
  { pattern: /\bfondation\b/, typologie: "fondation", categorie: "non_lucratif", confident: true, label: "fondation" },
  { pattern: /\bmission locale\b|\becole de la 2e chance\b/, typologie: "structure_insertion", categorie: "non_lucratif", confident: true, label: "insertion" },
  {
    pattern: /\bassociation\b|\bassociatif\b|\bamicale\b|\bcollectif\b|\bfederation\b/,
    typologie: "association",
    categorie: "non_lucratif",
    confident: true,
    label: "association",
  },
  {
    pattern: /^(ville|mairie|commune) d|^conseil (departemental|regional|general)\b|^region\b|\bmetropole\b|^communaute (de communes|urbaine)|^direction\b/,
    typologie: "collectivite_territoriale",
    categorie: "public",
    confident: true,
    label: "collectivité",
  },
  {
    pattern: /\buniversite\b|\biut\b|\becole\b|\blycee\b|\bcollege\b/,
    typologie: "etablissement_scolaire_formation",
    categorie: "public",
    confident: true,
    label: "enseignement",
  },
  {
    pattern: /\bministere\b|\bagence\b|\binstitut\b|\bcaisse\b|\bcci\b|\bchambre\b|\bgip\b/,
    typologie: "etablissement_public",
    categorie: "public",
    confident: true,
    label: "établissement public",
  },
  { pattern: /\bsociete\b|\bsarl\b|\bsas\b|\bentreprise\b/, typologie: "entreprise", categorie: "prive", confident: true, label: "entreprise" },
];

/**
 * Guesses the catégorie and typologie of an acteur from its name: the table of known organisations
 * first, then keyword rules; otherwise "autre" and "non_lucratif", flagged as not confident.
 */
export function guessActeurKind(key: string, nom: string, precision: string | null = null): ActeurKind {
  const known = KNOWN[key];
  if (known) {
    return { typologie: known[0], categorie: known[1], confident: true, reason: "organisation connue du Livre blanc", reasonEn: "organisation known from the Livre blanc" };
  }
  const folded = foldActeurName(`${nom} ${precision ?? ""}`);
  const rule = RULES.find((candidate) => candidate.pattern.test(folded));
  if (rule) {
    const reason = `mot-clé « ${rule.label} »`;
    return { typologie: rule.typologie, categorie: rule.categorie, confident: rule.confident, reason, reasonEn: `keyword "${rule.label}"` };
  }
  return { typologie: "autre", categorie: "non_lucratif", confident: false, reason: "aucune règle : à vérifier", reasonEn: "no rule matched" };
}

/** True when the known-organisation table lists this key (used to pick names out of a parenthesis). */
export function isKnownActeur(key: string): boolean {
  return key in KNOWN;
}

import type { ActeurCategorie } from "@/lib/acteur/values";
import type { ActeurTypologie } from "@/lib/acteur/labels";
import { foldActeurName } from "./acteur-names";

export type ActeurKind = {
  categorie: ActeurCategorie;
  typologie: ActeurTypologie;
  confident: boolean;
  reason: string;
  reasonEn: string;
};

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
  "diaconat de bordeaux": ["association", "non_lucratif"],
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
  // The Collectif interassociatif sur la santé: a union of patients' associations, in Aquitaine and nationally.
  "ciss aquitaine": ["association", "non_lucratif"],
  "ciss paris": ["association", "non_lucratif"],
  "psychologie magazine": ["entreprise", "prive"],
  "plan creatif": ["entreprise", "prive"],
  // The Délégation aux usages de l'Internet, a service of the ministries of education and research.
  dui: ["service_etat", "public"],
};

/*
 * Organisations the text names without saying what they are, and that the table above cannot vouch
 * for: a best guess, with its grounds, reported for a human to check.
 */
const GUESSED: Record<string, [ActeurTypologie, ActeurCategorie, string, string]> = {
  "10h11": ["entreprise", "prive", "agence numérique bordelaise, partenaire privé de Numéclic", "a Bordeaux digital agency, private partner of Numéclic"],
  tadeo: ["entreprise", "prive", "service d'accessibilité pour les sourds (ACCEO-TADEO), offre commerciale", "an accessibility service for the deaf (ACCEO-TADEO), a commercial offer"],
  "orange solidarite": ["association", "non_lucratif", "association des salariés bénévoles d'Orange", "Orange's association of volunteering employees"],
  "la ruche": ["association", "non_lucratif", "lieu de l'entrepreneuriat social qui organise la Social Good Week avec la Philomathique", "a social entrepreneurship hub organising the Social Good Week with the Philomathique"],
  "villes 2 0": ["association", "non_lucratif", "programme de la FING, nommée avec lui", "a programme of the FING, named beside it"],
  "ecosysteme french tech": ["association", "non_lucratif", "réseau des entreprises labellisées French Tech, animé par une association", "the network of French Tech companies, run by an association"],
  cos: ["association", "non_lucratif", "sigle non développé ; nommé avec des associations d'accueil des demandeurs d'asile", "acronym not expanded; named with associations that house asylum seekers"],
  cefr: ["association", "non_lucratif", "sigle non développé ; nommé avec des associations d'accueil des demandeurs d'asile", "acronym not expanded; named with associations that house asylum seekers"],
  "6 elements": ["entreprise", "prive", "nom non développé ; sans doute l'éditeur de l'application mobile de la fiche", "name not explained; probably the maker of the fiche's mobile app"],
};

type Rule = { label: string; pattern: RegExp; typologie: ActeurTypologie; categorie: ActeurCategorie; confident: boolean };

function rule(label: string, pattern: RegExp, typologie: ActeurTypologie, categorie: ActeurCategorie, confident = true): Rule {
  return { label, pattern, typologie, categorie, confident };
}

// Checked in order on the folded name and its parenthesis; the first match decides.
const RULES: Rule[] = [
  rule("CCAS", /\bccas\b|\budccas?\b|centre communal d action sociale/, "ccas_cias", "public"),
  rule("bibliothèque", /\bbiblioth|\bmediath/, "bibliotheque_mediatheque", "public"),
  // Most centres sociaux are associations, some are run by a commune: the catégorie is a guess.
  rule("centre social", /\bcentres? (social|sociaux|d animation)\b/, "centre_social", "non_lucratif", false),
  rule("fondation", /\bfondation\b/, "fondation", "non_lucratif"),
  rule("insertion", /\bmission locale\b|\becole de la 2e chance\b/, "structure_insertion", "non_lucratif"),
  rule("association", /\bassociation\b|\bassociatif\b|\bamicale\b|\bcollectif\b|\bfederation\b/, "association", "non_lucratif"),
  rule(
    "collectivité",
    /^(ville|mairie|commune) d|^conseil (departemental|regional|general)\b|^region\b|\bmetropole\b|^communaute (de communes|urbaine)|^direction\b/,
    "collectivite_territoriale",
    "public",
  ),
  rule("enseignement", /\buniversite\b|\biut\b|\becole\b|\blycee\b|\bcollege\b/, "etablissement_scolaire_formation", "public"),
  // A ministry or a préfecture is the State itself, not a body it runs.
  rule("service de l'État", /\bministere\b|\bprefecture\b|^etat\b/, "service_etat", "public"),
  rule("établissement public", /\bagence\b|\binstitut\b|\bcaisse\b|\bcci\b|\bchambre\b|\bgip\b/, "etablissement_public", "public"),
  rule("entreprise", /\bsociete\b|\bsarl\b|\bsas\b|\bentreprise\b/, "entreprise", "prive"),
];

/**
 * Guesses the catégorie and typologie of an acteur from its name: the table of known organisations
 * first, then keyword rules; otherwise "autre" and "non_lucratif", flagged as not confident.
 */
export function guessActeurKind(key: string, nom: string, precision: string | null = null): ActeurKind {
  const known = KNOWN[key];
  if (known) {
    const [typologie, categorie] = known;
    return { typologie, categorie, confident: true, reason: "organisation connue du Livre blanc", reasonEn: "organisation known from the Livre blanc" };
  }
  const guessed = GUESSED[key];
  if (guessed) {
    const [typologie, categorie, reason, reasonEn] = guessed;
    return { typologie, categorie, confident: false, reason: `supposé : ${reason}`, reasonEn: `assumed: ${reasonEn}` };
  }
  const folded = foldActeurName(`${nom} ${precision ?? ""}`);
  const matched = RULES.find((candidate) => candidate.pattern.test(folded));
  if (matched) {
    const { typologie, categorie, confident, label } = matched;
    return { typologie, categorie, confident, reason: `mot-clé « ${label} »`, reasonEn: `keyword "${label}"` };
  }
  return { typologie: "autre", categorie: "non_lucratif", confident: false, reason: "aucune règle : à vérifier", reasonEn: "no rule matched" };
}

/** True when the known-organisation table lists this key (used to pick names out of a parenthesis). */
export function isKnownActeur(key: string): boolean {
  return key in KNOWN;
}

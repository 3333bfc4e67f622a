import { foldText } from "@/lib/slug";

/** A term the classifier suggests, with the words of the text that triggered it. */
export type SuggestedTerm = { slug: string; matched: string[] };

/*
 * Theme and public suggestions: one list of keyword patterns per term of db/taxonomies.ts, matched
 * on folded text (lower case, no accents). Conservative on purpose: a pattern names the subject
 * ("fracture numerique", "demandeurs d'emploi"), not a word that every fiche uses ("numerique",
 * "citoyens"). Suggestions are stored as suggested themes for a moderator to confirm.
 */

type KeywordRule = { slug: string; patterns: RegExp[] };

/** Theme rules, matched on the title, the descriptif, the éléments spécifiques and the pistes. */
export const THEME_RULES: KeywordRule[] = [
  {
    slug: "e-inclusion",
    patterns: [
      /e-inclusion/,
      /fracture numerique/,
      /(?:exclus|eloignes?|eloignement) (?:du|des) numerique/,
      /\binitiation\b|\bs'initier\b|\binitier\b/,
      /(?:form\w*|eveil|sensibilis\w*|acceder|acces|accompagn\w*) (?:au|aux) (?:numerique|outils numeriques|usages numeriques)/,
      /cours d'informatique|ateliers? informatiques?/,
      /badge numerique/,
    ],
  },
  {
    slug: "lien-social",
    patterns: [/lien social|liens sociaux/, /isolement|solitude|isolees?\b/, /\bentraide\b/, /mise en (?:relation|lien)/],
  },
  {
    slug: "citoyennete",
    patterns: [/citoyennete/, /participati\w+/, /open data|donnees ouvertes/, /\bvote\b|\belection/, /acces (?:au|aux) droits?/, /porte-parole/],
  },
  {
    slug: "education",
    patterns: [/\beducati\w+/, /scolaire|\becoles?\b|\beleves?\b|\bcollegiens?\b/, /\bpedagogi\w+/, /aide aux devoirs/, /\bapprentissages?\b/],
  },
  {
    slug: "culture",
    patterns: [/\bculture\b(?! numerique)|\bculturel\w*/, /bibliotheque|mediatheque/, /\bmusee\b|\bexposition/, /patrimoine|archives/, /jeux? videos?/, /memoire|histoire du territoire/],
  },
  {
    slug: "service-public",
    patterns: [/services? publics?/, /demarches? (?:administratives?|en ligne)|e-administration|dematerialisation/, /acces (?:au|aux) droits?|aide sociale/, /guichet/],
  },
  {
    slug: "emploi",
    patterns: [/\bemploi\b/, /insertion professionnelle|reinsertion/, /\bcv\b|lettres? de motivation|\bembauche/],
  },
  {
    slug: "intergenerationnel",
    patterns: [/intergeneration\w*|inter-generation\w*/, /jeunes (?:et|\/) (?:seniors|moins jeunes)/],
  },
  {
    slug: "sante",
    patterns: [/\bsante\b/, /medecine|medical|\bsoins?\b/, /\behpad\b/, /maintien a domicile|perte d'autonomie/, /\bhospital\w*/],
  },
];

/** Public rules, matched on the "Cible" / "Public concerné" text only. */
export const PUBLIC_RULES: KeywordRule[] = [
  { slug: "seniors", patterns: [/\bseniors?\b/, /personnes? agees?/, /\baines\b/, /\behpad\b|maisons? de retraite/, /\bretraites?\b/] },
  {
    slug: "jeunes",
    patterns: [/\bjeunes?\b/, /\benfants?\b/, /\bados\b|adolescents?/, /\beleves?\b|scolaires|collegiens?|etudiants?/, /moins de 2[5-9] ans|de 1[3-8] a 2[5-9] ans|\(1[3-8]-[23]\d ans\)/],
  },
  { slug: "familles", patterns: [/\bfamilles?\b/, /\bparents?\b/, /meres? de famille/] },
  { slug: "personnes-handicap", patterns: [/handicap\w*/, /\bsourde?s?\b|malentendants?|aveugles?/, /autisme|troubles cognitifs/] },
  {
    slug: "personnes-precarite",
    patterns: [/precari\w+|precaires?/, /defavorise\w*|demunis?/, /\bsdf\b|sans domicile/, /fragilise\w*/, /difficultes sociales/],
  },
  {
    slug: "personnes-allophones-migrantes",
    patterns: [/migrants?|immigres?|primo[- ]arrivants?/, /allophones?/, /parlant peu ou pas le francais/],
  },
  { slug: "gens-du-voyage", patterns: [/gens du voyage/] },
  { slug: "demandeurs-emploi", patterns: [/demandeurs? d'emploi/, /recherche d'emploi/, /sans emploi/, /\binsertion\b/] },
  {
    slug: "professionnels-aidants",
    patterns: [/travailleurs sociaux/, /\banimateurs?\b|mediateurs?/, /\bbenevoles?\b|\baidants?\b/, /\bformateurs?\b|\benseignants?\b|\beducateurs?\b/],
  },
  { slug: "tout-public", patterns: [/\b(?:tout|tous|toute|toutes) (?:les )?publics?\b/, /grand public/, /^tous$|tous les citoyens|tout citoyen|ouvert a tous/] },
];

function match(rules: KeywordRule[], texts: (string | null | undefined)[]): SuggestedTerm[] {
  const folded = foldText(texts.filter(Boolean).join("\n")).replace(/’/g, "'");
  const suggestions: SuggestedTerm[] = [];
  for (const rule of rules) {
    const matched = new Set<string>();
    for (const pattern of rule.patterns) {
      const found = folded.split("\n").map((line) => pattern.exec(line.trim())?.[0]).find(Boolean);
      if (found) matched.add(found);
    }
    if (matched.size) suggestions.push({ slug: rule.slug, matched: [...matched] });
  }
  return suggestions;
}

/** Theme slugs suggested by the fiche's text, each with the words that triggered it. */
export function suggestThemes(texts: (string | null | undefined)[]): SuggestedTerm[] {
  return match(THEME_RULES, texts);
}

/** Public slugs suggested by the fiche's "Cible" / "Public concerné" text. */
export function suggestPublics(cible: string | null): SuggestedTerm[] {
  return match(PUBLIC_RULES, [cible]);
}

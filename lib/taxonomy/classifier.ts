import { foldText } from "@/lib/slug";

/** A term the classifier suggests, with the words of the text that triggered it. */
export type SuggestedTerm = { slug: string; matched: string[] };

/*
 * Theme and public suggestions: per term of db/taxonomies.ts, the words and phrases that name it and
 * the phrases that must not count for it, matched on folded text (lower case, no accents). A moderator
 * confirms every suggestion, and sees the words that triggered it, so each list must read as a reason.
 *
 * A phrase written as a string matches whole words only: "culturel*" finds "culturelle" but neither
 * "socio-culturelle" nor "acculturation"; "*" stands for any word ending. A RegExp is for the few
 * phrases that need alternatives. An exclusion is cut out of the text before the term's phrases are
 * looked for: "mode d'emploi" is not about jobs, an EHPAD named as a place is not about health.
 * Conservative on purpose: a phrase names the subject ("fracture numerique"), not a word every fiche
 * of this wiki uses ("numerique", "citoyens", "accompagnement").
 */

type Phrase = string | RegExp;

/** The words and phrases that name a term, and the phrases that never count for it. */
export type TermRule = { slug: string; phrases: Phrase[]; exclusions?: Phrase[] };

// What a fiche is modelled on ("sur le modèle des parcours de découverte culturelle") is not its subject.
const EVERY_RULE_EXCLUSIONS: Phrase[] = [/\bsur le modele (?:des?|du|d')[^.,;:()]*/];

// Learning or access, then a digital object, at most four words apart: "formation sur mesure au
// numérique", "accès public à Internet", "connecter tous les foyers à Internet".
const TOWARDS = ["acces", "acceder", "accessibles?", "initier", "initiation", "former", "formes", "formant", "formations?", "sensibiliser", "sensibilisation",
  "eveil", "eduquer", "comprendre", "connaissance", "demystifier", "confronter", "tourner", "mettre", "connecter", "connexions?", "abonner", "eloigne(?:e|s|es)?", "exclus", "droit", "envie"];
const DIGITAL = ["numeriques?", "internet", "informatique", "technologies?", "tic", "ntic"];
const TOWARDS_DIGITAL = new RegExp(`\\b(?:${TOWARDS.join("|")})\\b(?:[ '][a-z-]+){0,4}?[ '](?:${DIGITAL.join("|")})\\b`);

/** Theme rules, matched on the title, the descriptif and the éléments spécifiques. */
export const THEME_RULES: TermRule[] = [
  {
    slug: "e-inclusion",
    phrases: [
      "e-inclusion", "inclusion", "fracture numerique", "fosse numerique", "mediation numerique", "citoyennete numerique", "badge numerique", "ecrivain numerique",
      // In this wiki, an initiation, a computer or a wifi is about getting people online, whoever the fiche is for.
      "initiation", "s'initier", TOWARDS_DIGITAL, "informatique*", "tic", "ntic", "cyber*", "espace* public* numerique*", "reseaux sociaux",
      "point* d'acces", "wifi", "haut debit", "zones non desservies", "tarif social", "equipement des foyers", "equipement informatique", "materiel* et logiciel*",
      "ordinateur*", "tablette*", "smartphone*", "telephone*", "pc",
      // The Livre blanc's own name for digital inclusion and those who work at it.
      "solidarite* numerique*",
      // Training those who accompany the public means, here, training them for digital mediation.
      /\b(?:formation|former) (?:de |des |d')(?:formateurs|accompagnants|animateurs|mediateurs)\b/,
    ],
    // A website is the fiche's medium, not a sign that people learn to use a computer; "initiation d'une habitude" is no lesson.
    exclusions: ["site informatique", /\binitiation d'une?\b/],
  },
  {
    slug: "lien-social",
    phrases: ["lien social", "liens sociaux", "isolement", "isole", "isolee*", "isoles", "solitude", "entraide", "s'entraider", "mixite sociale", "mise en relation", "mise en lien",
      "systeme d'echange*", "actions de solidarite", "caritati*", "financement participatif"],
  },
  {
    slug: "citoyennete",
    phrases: ["citoyennete", "participation citoyenne", "initiative* citoyenne*", "plateforme citoyenne", "engagement citoyen", "vie de la cite", "donner la parole", "donne une voix",
      "vote", "election*", "porte-parole*", "actions politiques", "citoyen et politique", "open data", "donnees ouvertes", "ouverture des donnees", "transparence",
      "faire valoir ses droits", "benevolat", "volontariat", "mecenat de competences"],
    // Being at ease with digital tools, which is e-inclusion.
    exclusions: ["citoyennete numerique"],
  },
  {
    slug: "education",
    phrases: ["education", "educati*", "eduqu*", "pedagogi*", "enseignement*", "apprentissage*", "apprendre", "aide aux devoirs", "accompagnement scolaire", "soutien scolaire",
      "systeme scolaire", "eleve*", "collegien*", "alphabetisation", "formation en ligne", "formations", "mooc", "savoirs partages",
      /\b(?:partage|echange|transmission|transmettre|reperage|valider) (?:de |des |du |ses |les )?(?:savoirs?|savoir[- ]faire|connaissances|competences)\b/,
      "prevention", "prevenir des dangers", "mauvais usages", "risques des usages"],
    // Young people who left school without a diploma are the subject of an insertion fiche, not of an education one.
    exclusions: [/\bsorti\w* du systeme (?:educatif|scolaire)/],
  },
  {
    slug: "culture",
    // A bibliothèque or a médiathèque is where many fiches happen, not what they are about.
    phrases: ["culture", "culturel*", "musee*", "exposition*", "patrimoine", "archives", "jeu* video*", "memoire", "histoire du territoire", "recits", "expression artistique"],
    exclusions: ["culture numerique"],
  },
  {
    slug: "service-public",
    phrases: ["service* public*", "services en ligne", "administrati*", "demarches en ligne", "dans leurs demarches", "dematerialisation", "e-administration", "guichet*",
      "acces aux droits", "acces au droit", "acceder a ses droits", "droits sociaux", "aide sociale", "inscription*", "marches publics"],
  },
  {
    slug: "emploi",
    phrases: ["emploi*", "insertion professionnelle", "reinsertion", "atelier* d'insertion", "cv", "lettre* de motivation", "embauche", "trouve* du travail"],
    // A user manual, and an agency named as a place or a partner.
    exclusions: ["mode d'emploi", "pole emploi"],
  },
  {
    slug: "intergenerationnel",
    phrases: ["intergeneration*", "inter-generation*", "generations", /\bjeunes (?:et|\/) (?:seniors|moins jeunes)\b/],
  },
  {
    slug: "sante",
    phrases: ["sante", "medecine", "telemedecine", "medical*", "paramedica*", "soin", "soins", "hospital*", "pathologie*", "consultations a distance", "maintien a domicile",
      "perte d'autonomie"],
    // An EHPAD is a home for elderly people, named as a place ("priorité aux EHPAD"): not a health subject by itself.
    exclusions: ["ehpad", "ephad"],
  },
];

/** Public rules, matched on the "Cible" / "Public concerné" text only. */
export const PUBLIC_RULES: TermRule[] = [
  { slug: "seniors", phrases: ["senior*", "personne* agee*", "aines", "ehpad", "maison* de retraite", "retraite*"] },
  {
    slug: "jeunes",
    phrases: ["jeune*", "enfant*", "ados", "adolescent*", "eleve*", "scolaires", "collegien*", "etudiant*", /\bmoins de 2[5-9] ans|\bde 1[3-8] a 2[5-9] ans|\(1[3-8]-[23]\d ans\)/],
    // Young people in service civique are trained as helpers there, not reached as a public.
    exclusions: ["jeunes en service civique"],
  },
  { slug: "familles", phrases: ["famille*", "parent*", "mere* de famille"] },
  { slug: "personnes-handicap", phrases: ["handicap*", "sourd", "sourde*", "sourds", "malentendant*", "aveugle*", "autisme", "troubles cognitifs"] },
  { slug: "personnes-precarite", phrases: ["precari*", "precaire*", "defavorise*", "demuni*", "sdf", "sans domicile", "fragilise*", "difficultes sociales"] },
  { slug: "personnes-allophones-migrantes", phrases: ["migrant*", "immigre*", "primo-arrivant*", "primo arrivant*", "allophone*", "parlant peu ou pas le francais"] },
  { slug: "gens-du-voyage", phrases: ["gens du voyage"] },
  { slug: "demandeurs-emploi", phrases: ["demandeur* d'emploi", "recherche d'emploi", "sans emploi", "insertion"] },
  {
    slug: "professionnels-aidants",
    phrases: ["travailleurs sociaux", "animateur*", "mediateur*", "benevole*", "aidant*", "formateur*", "enseignant*", "educateur*"],
  },
  {
    slug: "tout-public",
    phrases: [/\b(?:tout|tous|toute|toutes) (?:les )?publics?\b/, "grand public", /^tous$/m, "tous les citoyens", "tout citoyen", "ouvert a tous", "tous les habitants"],
  },
];

type CompiledRule = { slug: string; phrases: RegExp[]; exclusions: RegExp[] };

const escapeRegExp = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");

// Whole words only: a letter, a digit or a hyphen on either side means the phrase is part of another word.
function compile(phrase: Phrase, flags: string): RegExp {
  if (phrase instanceof RegExp) return new RegExp(phrase.source, phrase.flags.replace("g", "") + flags);
  const body = phrase.split("*").map(escapeRegExp).join("[a-z]*");
  return new RegExp(`(?<![a-z0-9-])${body}(?![a-z0-9-])`, flags);
}

function compileRules(rules: TermRule[]): CompiledRule[] {
  return rules.map((rule) => ({
    slug: rule.slug,
    phrases: rule.phrases.map((phrase) => compile(phrase, "")),
    exclusions: [...EVERY_RULE_EXCLUSIONS, ...(rule.exclusions ?? [])].map((phrase) => compile(phrase, "g")),
  }));
}

const COMPILED_THEMES = compileRules(THEME_RULES);
const COMPILED_PUBLICS = compileRules(PUBLIC_RULES);

// Quotes and runs of spaces would hide a phrase: « se mettre au numérique » reads "se mettre au numerique".
function normalise(texts: (string | null | undefined)[]): string {
  return texts
    .filter(Boolean)
    .map((text) => foldText(text!).replace(/[’‘`]/g, "'").replace(/[«»“”"]/g, " ").replace(/[^\S\n]+/g, " ").replace(/ ?\n ?/g, "\n").trim())
    .join("\n");
}

function match(rules: CompiledRule[], texts: (string | null | undefined)[]): SuggestedTerm[] {
  const text = normalise(texts);
  const suggestions: SuggestedTerm[] = [];
  for (const rule of rules) {
    // A removed span becomes a separator, so the words on either side cannot form a phrase.
    const kept = rule.exclusions.reduce((current, exclusion) => current.replace(exclusion, " | "), text);
    const matched = new Set<string>();
    for (const phrase of rule.phrases) {
      const found = phrase.exec(kept)?.[0];
      if (found) matched.add(found);
    }
    if (matched.size) suggestions.push({ slug: rule.slug, matched: [...matched] });
  }
  return suggestions;
}

/** Theme slugs suggested by the fiche's text, each with the words that triggered it. */
export function suggestThemes(texts: (string | null | undefined)[]): SuggestedTerm[] {
  return match(COMPILED_THEMES, texts);
}

/** Public slugs suggested by the fiche's "Cible" / "Public concerné" text. */
export function suggestPublics(cible: string | null): SuggestedTerm[] {
  return match(COMPILED_PUBLICS, [cible]);
}

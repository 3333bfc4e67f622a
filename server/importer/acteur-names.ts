import { foldText } from "@/lib/slug";

/**
 * Deduplication of acteur names.
 *
 * The automatic rules are deliberately conservative: two names are the same acteur when they only
 * differ by case, accents, spaces or punctuation ("Kéolis" / "Keolis", "fondation Orange" /
 * "Fondation Orange"), or by a parenthesis ("Fondation Orange (FO)"). Anything else ("Mairie de
 * Bordeaux" / "Ville de Bordeaux", "CG33" / "Conseil Départemental de la Gironde") must be listed
 * below, each group being an obvious same-organisation variant found in the Livre blanc. No article
 * or generic word is ever dropped automatically: "Association X" and "X" stay apart unless listed.
 */
type MergeNote = { fr: string; en: string };
/** `uncertain`: the text does not say the variants are one organisation; the report asks a human to check. */
type AliasGroup = { nom: string; organisation?: string; variants: string[]; uncertain?: MergeNote };

const ALIAS_GROUPS: AliasGroup[] = [
  // The municipality signs as "Ville de Bordeaux" and is called "Mairie de Bordeaux" in the fiches.
  { nom: "Ville de Bordeaux", variants: ["Mairie de Bordeaux", "Ville de Bordeaux"] },
  {
    nom: "Ville de Bordeaux – Atelier informatique",
    organisation: "Ville de Bordeaux",
    variants: ["Mairie de Bordeaux - Atelier informatique", "Atelier Informatique (ville de Bordeaux)"],
  },
  {
    nom: "Ville de Bordeaux – Espaces verts",
    organisation: "Ville de Bordeaux",
    // The annex copy of T.A.P.A.J writes "Espaces vert".
    variants: ["Espaces verts de la Mairie de Bordeaux", "Espaces vert de la Mairie de Bordeaux"],
  },
  // The municipal library network, under the name it signs with in the later documents: the Livre
  // blanc calls it "Bibliothèque municipale de Bordeaux" (and "BM de Bordeaux"); its Direction lecture
  // publique runs the "Bibliothèque" workshops of the Mairie's ateliers; Bib'Invaders names it
  // "Bibliothèque de Bordeaux Métropole" for its metropolitan reach.
  {
    nom: "Bibliothèques de Bordeaux",
    organisation: "Ville de Bordeaux",
    variants: [
      "Bibliothèque municipale de Bordeaux",
      "Bibliothèque de Bordeaux Métropole",
      "Direction lecture publique",
      "Direction de la lecture publique",
      "BM de Bordeaux",
      "Bibliothèque de Bordeaux",
      "Réseau des bibliothèques de Bordeaux",
    ],
    uncertain: {
      fr: "même réseau municipal de bibliothèques, que le texte nomme de plusieurs façons",
      en: "the same municipal library network, which the text names in several ways",
    },
  },
  // A branch of that network with its own Média Lab and workshops: an acteur of its own.
  {
    nom: "Bibliothèque Flora Tristan",
    organisation: "Bibliothèques de Bordeaux",
    variants: ["Bibliothèque Flora Tristan de Bordeaux", "Bibliothèque Flora Tristan"],
  },
  // Numéclic names the Diaconat de Bordeaux alone; Pictolire names it with its "Proactive" action.
  {
    nom: "Diaconat de Bordeaux",
    variants: ["Diaconat", "Diaconat de Bordeaux Proactive"],
    uncertain: {
      fr: "« Proactive » lu comme une action du Diaconat de Bordeaux, pas comme une autre organisation",
      en: '"Proactive" read as an action of the Diaconat de Bordeaux, not another organisation',
    },
  },
  // The Union départementale des CCAS: DOM ASSIST's acteurs line drops its final S, its text does not.
  { nom: "UDCCAS", variants: ["UDCCA"] },
  // CG33 is the Conseil général de la Gironde, renamed Conseil départemental in 2015.
  {
    nom: "Conseil départemental de la Gironde",
    variants: ["Conseil Départemental de la Gironde", "Conseil général de la Gironde", "CG33"],
  },
  // The Agence régionale de santé of a Bordeaux fiche is the Aquitaine one.
  { nom: "ARS Aquitaine", variants: ["ARS (Agence Régionale de Santé)", "ARS Aquitaine"] },
  { nom: "GPV Rive Droite", variants: ["Grand Projet des Villes (Bordeaux Rive Droite)", "GPV Rive Droite"] },
  // 33 is the Gironde's département number.
  { nom: "ADAPEI de la Gironde", variants: ["ADAPEI 33", "ADAPEI Gironde"] },
  { nom: "Société philomathique de Bordeaux", variants: ["La Société Philomathique", "La Philomathique"] },
  // Same key by folding already; listed for the display name only (the source writes them in capitals).
  { nom: "Khan Academy", variants: ["KHAN Academy"] },
  { nom: "Mondial Assistance", variants: ["MONDIAL ASSISTANCE"] },
  { nom: "Plan Créatif", variants: ["PLAN CREATIF"] },
];

// Municipal services named alone in the fiches: acteurs of their own, attached to their organisation.
const SERVICE_PARENTS: Record<string, string> = {
  dginsi: "Ville de Bordeaux",
  dgsa: "Ville de Bordeaux",
  "direction des sports": "Ville de Bordeaux",
};

/** Case, accents, punctuation and spaces folded away: "Gironde-Habitat" → "gironde habitat". */
export function foldActeurName(name: string): string {
  return foldText(name)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

type Alias = { key: string; nom: string; organisation: string | null; uncertain: MergeNote | null };
const ALIASES = new Map<string, Alias>();
for (const group of ALIAS_GROUPS) {
  const key = foldActeurName(group.nom);
  for (const variant of [group.nom, ...group.variants]) {
    ALIASES.set(foldActeurName(variant), { key, nom: group.nom, organisation: group.organisation ?? null, uncertain: group.uncertain ?? null });
  }
}

/**
 * The deduplication key of an acteur name: folded, then mapped through the alias table. A name with
 * a parenthesis is looked up whole first ("ARS (Agence Régionale de Santé)"), then without it.
 */
export function normaliseActeurName(name: string): string {
  const whole = foldActeurName(name);
  const alias = ALIASES.get(whole);
  if (alias) return alias.key;
  const withoutParentheses = foldActeurName(name.replace(/\([^)]*\)/g, " "));
  return ALIASES.get(withoutParentheses)?.key ?? withoutParentheses;
}

/** The display name and parent organisation the alias table gives a key, if it lists it. */
export function canonicalActeur(key: string): { nom: string; organisation: string | null } | null {
  const alias = ALIASES.get(key);
  if (alias) return { nom: alias.nom, organisation: alias.organisation };
  const parent = SERVICE_PARENTS[key];
  return parent ? { nom: "", organisation: parent } : null;
}

/** Why the alias table merges the spellings of this key, when the text leaves it open; null when the merge is sure. */
export function uncertainMerge(key: string): MergeNote | null {
  return ALIASES.get(key)?.uncertain ?? null;
}

/*
 * In the Livre blanc's idées, written by the Ville de Bordeaux for Bordeaux, "Mairie", "le CCAS" and
 * "Métropole" alone are its own: they are linked to those acteurs, and the link is reported. A user's
 * own document keeps them generic (FORMAT.md): nothing says which commune it speaks for.
 */
const LIVRE_BLANC_GENERICS: Record<string, string> = {
  mairie: "Ville de Bordeaux",
  ccas: "CCAS de Bordeaux",
  metropole: "Bordeaux Métropole",
};

/** The Bordeaux acteur a generic name of the Livre blanc's idées stands for, if it is one of them. */
export function livreBlancGenericTarget(key: string): string | null {
  return LIVRE_BLANC_GENERICS[key] ?? null;
}

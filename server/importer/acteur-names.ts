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
type AliasGroup = { nom: string; organisation?: string; variants: string[] };

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
  // CG33 is the Conseil général de la Gironde, renamed Conseil départemental in 2015.
  {
    nom: "Conseil départemental de la Gironde",
    variants: ["Conseil Départemental de la Gironde", "Conseil général de la Gironde", "CG33"],
  },
  // The Agence régionale de santé of a Bordeaux fiche is the Aquitaine one.
  { nom: "ARS Aquitaine", variants: ["ARS (Agence Régionale de Santé)", "ARS Aquitaine"] },
  { nom: "Bibliothèque Flora Tristan", variants: ["Bibliothèque Flora Tristan de Bordeaux", "Bibliothèque Flora Tristan"] },
  { nom: "GPV Rive Droite", variants: ["Grand Projet des Villes (Bordeaux Rive Droite)", "GPV Rive Droite"] },
  // 33 is the Gironde's département number.
  { nom: "ADAPEI de la Gironde", variants: ["ADAPEI 33", "ADAPEI Gironde"] },
  { nom: "Société philomathique de Bordeaux", variants: ["La Société Philomathique", "La Philomathique"] },
  // Same key by folding already; listed for the display name only.
  { nom: "Khan Academy", variants: ["KHAN Academy"] },
];

// Municipal services named alone in the fiches: acteurs of their own, attached to their organisation.
const SERVICE_PARENTS: Record<string, string> = {
  dginsi: "Ville de Bordeaux",
  dgsa: "Ville de Bordeaux",
  "direction lecture publique": "Ville de Bordeaux",
  "direction des sports": "Ville de Bordeaux",
};

/** Case, accents, punctuation and spaces folded away: "Gironde-Habitat" → "gironde habitat". */
export function foldActeurName(name: string): string {
  return foldText(name)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const ALIASES = new Map<string, { key: string; nom: string; organisation: string | null }>();
for (const group of ALIAS_GROUPS) {
  const key = foldActeurName(group.nom);
  for (const variant of [group.nom, ...group.variants]) {
    ALIASES.set(foldActeurName(variant), { key, nom: group.nom, organisation: group.organisation ?? null });
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

import type { ActeurCategorie } from "./values";

/** The three kinds of acteurs of the Livre blanc de la Solidarité numérique. */
export const ACTEUR_CATEGORIE_LABELS: Record<ActeurCategorie, string> = {
  public: "Acteur public",
  prive: "Acteur privé",
  non_lucratif: "Acteur à but non lucratif",
};

/** What kind of organisation an acteur is; the key is stored, the label is shown. */
export const ACTEUR_TYPOLOGIE_LABELS = {
  association: "Association",
  collectivite_territoriale: "Collectivité territoriale",
  ccas_cias: "CCAS / CIAS",
  bibliotheque_mediatheque: "Bibliothèque / médiathèque",
  centre_social: "Centre social",
  entreprise: "Entreprise",
  fondation: "Fondation",
  etablissement_public: "Établissement public",
  service_etat: "Service de l'État",
  espace_public_numerique: "Espace public numérique",
  structure_insertion: "Structure d'insertion",
  etablissement_scolaire_formation: "Établissement scolaire ou de formation",
  autre: "Autre",
} as const;

export type ActeurTypologie = keyof typeof ACTEUR_TYPOLOGIE_LABELS;
export const ACTEUR_TYPOLOGIES = Object.keys(ACTEUR_TYPOLOGIE_LABELS) as [ActeurTypologie, ...ActeurTypologie[]];

/** Options for a select, in the order above. */
export const ACTEUR_CATEGORIE_OPTIONS = (Object.keys(ACTEUR_CATEGORIE_LABELS) as ActeurCategorie[]).map((value) => ({
  value,
  label: ACTEUR_CATEGORIE_LABELS[value],
}));
export const ACTEUR_TYPOLOGIE_OPTIONS = ACTEUR_TYPOLOGIES.map((value) => ({ value, label: ACTEUR_TYPOLOGIE_LABELS[value] }));

/** The label of a stored typologie; an unknown key (older data, an import) is shown as is. */
export function typologieLabel(key: string): string {
  return (ACTEUR_TYPOLOGIE_LABELS as Record<string, string>)[key] ?? key;
}

/** The three kinds of acteurs of the Livre blanc; db/schema's acteur.categorie column takes its values from here. */
export const ACTEUR_CATEGORIES = ["public", "prive", "non_lucratif"] as const;
export type ActeurCategorie = (typeof ACTEUR_CATEGORIES)[number];

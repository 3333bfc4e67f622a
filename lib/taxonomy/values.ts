/** The taxonomies fiches and acteurs are classified by; db/schema's taxonomy_term.taxonomy column takes its values from here. */
export const TAXONOMIES = ["theme", "public", "enjeu", "objectif"] as const;
export type Taxonomy = (typeof TAXONOMIES)[number];

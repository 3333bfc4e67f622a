// The lists a fiche's stored fields take their values from. db/schema builds its columns from them;
// forms and zod schemas import them from here, without drizzle.

export const FICHE_TYPES = ["pratique", "idee", "fiche_pratique"] as const;
export type FicheType = (typeof FICHE_TYPES)[number];

export const FICHE_STATUTS = ["brouillon", "publiee", "archivee"] as const;
export type FicheStatut = (typeof FICHE_STATUTS)[number];

/**
 * What an acteur does for a fiche. Porteurs govern it; anyone who may edit it may propose an acteur
 * as porteur ("porteur_propose"), which a porteur's member or a moderator then makes porteur.
 */
export const FICHE_ACTEUR_ROLES = ["porteur", "porteur_propose", "partenaire", "financeur", "pressenti"] as const;
export type FicheActeurRole = (typeof FICHE_ACTEUR_ROLES)[number];

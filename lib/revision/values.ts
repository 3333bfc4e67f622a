/** Why a revision of a fiche was taken; db/schema's fiche_revision.reason column takes its values from here. */
export const REVISION_REASONS = ["creation", "pause", "depart", "intervalle", "restauration", "import"] as const;
export type RevisionReason = (typeof REVISION_REASONS)[number];

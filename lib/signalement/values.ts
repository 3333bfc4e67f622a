/** What a reader may report about a fiche; db/schema's signalement.motif column takes its values from here. */
export const SIGNALEMENT_MOTIFS = ["inapproprie", "obsolete", "erreurs", "doublon"] as const;
export type SignalementMotif = (typeof SIGNALEMENT_MOTIFS)[number];

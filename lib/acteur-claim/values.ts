/** How a moderator decides a request to manage an acteur. */
export const ACTEUR_CLAIM_DECISIONS = ["acceptee", "refusee"] as const;
export type ActeurClaimDecision = (typeof ACTEUR_CLAIM_DECISIONS)[number];

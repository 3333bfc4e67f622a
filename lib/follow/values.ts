/** What a person can follow; db/schema's follow.target_type takes its values from here. A "fil" is a comment thread. */
export const FOLLOW_TARGETS = ["fiche", "acteur", "theme", "catalogue", "fil"] as const;
export type FollowTarget = (typeof FOLLOW_TARGETS)[number];

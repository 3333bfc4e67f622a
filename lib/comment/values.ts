/**
 * Where a comment stands; db/schema's comment.statut takes its values from here.
 * - publie: shown to every reader of the fiche;
 * - en_attente: a visitor's question, shown only to moderators until one publishes it;
 * - masque: taken down by a moderator (after a report, or a refused question).
 */
export const COMMENT_STATUTS = ["publie", "en_attente", "masque"] as const;
export type CommentStatut = (typeof COMMENT_STATUTS)[number];

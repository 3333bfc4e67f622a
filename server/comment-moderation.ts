import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getMentionNames, listCommentsToModerate, type CommentModerationItem } from "@/db/queries/comment";
import { getFicheAccessFacts } from "@/db/queries/fiche-access";
import { comment, signalement, type Comment } from "@/db/schema";
import type { CommentStatut } from "@/lib/comment/values";
import type { ReportCommentInput } from "@/lib/comment/schema";
import { canModerateComment } from "@/lib/policies/comment";
import { canReportFiche } from "@/lib/policies/moderation";
import type { Viewer } from "@/lib/policies/viewer";
import { announceComment, requireReadableComment } from "./comment";
import { DomainError } from "./errors";

function requireModerator(viewer: Viewer | null): asserts viewer is Viewer {
  if (!canModerateComment(viewer)) {
    throw new DomainError("forbidden", "Seuls les modérateurs publient ou masquent les messages.", undefined, "Only moderators moderate comments.");
  }
}

// Deciding on a message settles every open report about it: the queue should not ask twice.
function closeReports(db: Db, viewer: Viewer, commentId: number, resolution: string): void {
  db.update(signalement)
    .set({ resolvedAt: new Date(), resolvedBy: viewer.id, resolution })
    .where(and(eq(signalement.commentId, commentId), isNull(signalement.resolvedAt)))
    .run();
}

function setStatut(db: Db, viewer: Viewer | null, commentId: number, statut: CommentStatut, resolution: string): { before: Comment; after: Comment } {
  requireModerator(viewer);
  return db.transaction(
    () => {
      const before = db.select().from(comment).where(eq(comment.id, commentId)).get();
      if (!before) throw new DomainError("not_found", "Ce message n'existe plus.", undefined, `No comment with id ${commentId}.`);
      const after = db.update(comment).set({ statut, moderatedAt: new Date(), moderatedBy: viewer.id }).where(eq(comment.id, commentId)).returning().get();
      closeReports(db, viewer, commentId, resolution);
      return { before, after };
    },
    { behavior: "immediate" },
  );
}

/** Publishes a visitor's question (or shows a hidden message again); moderators only. */
export function publishComment(db: Db, viewer: Viewer | null, commentId: number): Comment {
  const { before, after } = setStatut(db, viewer, commentId, "publie", "Message gardé");
  // A question is news once it is public; a message shown again was news already.
  if (before.statut === "en_attente") announceComment(db, after, getFicheAccessFacts(db, after.ficheId)!);
  return after;
}

/** Hides a message (a refused question, a reported message) and settles its reports; moderators only. */
export function hideComment(db: Db, viewer: Viewer | null, commentId: number): Comment {
  return setStatut(db, viewer, commentId, "masque", "Message masqué").after;
}

/** Keeps a reported message as it is and settles its reports; moderators only. */
export function keepComment(db: Db, viewer: Viewer | null, commentId: number): Comment {
  requireModerator(viewer);
  const { row } = requireReadableComment(db, viewer, commentId);
  closeReports(db, viewer, commentId, "Message gardé");
  return row;
}

/**
 * Reports a message to the moderators with the four motifs of fiches. One open report per person
 * and message: a second one replaces the first.
 */
export function reportComment(db: Db, viewer: Viewer | null, input: ReportCommentInput): { created: boolean } {
  if (!viewer) throw new DomainError("unauthenticated", "Connectez-vous pour signaler un message.", undefined, "Sign in to report a comment.");
  const { row, facts } = requireReadableComment(db, viewer, input.commentId);
  if (!canReportFiche(viewer, facts)) throw new DomainError("not_found", "Ce message n'existe pas ou plus.", undefined, `No comment with id ${input.commentId}.`);
  const values = { motif: input.motif, commentaire: input.commentaire ?? "" };
  return db.transaction(
    () => {
      const open = db
        .select({ id: signalement.id })
        .from(signalement)
        .where(and(eq(signalement.commentId, row.id), eq(signalement.reporterId, viewer.id), isNull(signalement.resolvedAt)))
        .get();
      if (open) {
        db.update(signalement).set(values).where(eq(signalement.id, open.id)).run();
        return { created: false };
      }
      db.insert(signalement).values({ ...values, ficheId: row.ficheId, commentId: row.id, reporterId: viewer.id }).run();
      return { created: true };
    },
    { behavior: "immediate" },
  );
}

/** The moderators' queue of messages, with the names its mentions show. */
export function getCommentModerationQueue(db: Db): { items: CommentModerationItem[]; mentionNames: Map<number, string> } {
  const items = listCommentsToModerate(db);
  return { items, mentionNames: getMentionNames(db, items.map((c) => c.body)) };
}

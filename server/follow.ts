import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { getCatalogueAccessFacts } from "@/db/queries/catalogue";
import { getFicheAccessFacts } from "@/db/queries/fiche-access";
import { acteur, comment, follow, taxonomyTerm } from "@/db/schema";
import type { FollowInput } from "@/lib/follow/schema";
import type { FollowTarget } from "@/lib/follow/values";
import { canReadCatalogue } from "@/lib/policies/catalogue";
import { canReadFiche } from "@/lib/policies/fiche";
import type { Viewer } from "@/lib/policies/viewer";
import { DomainError } from "./errors";

/** Makes this person follow the target; following twice changes nothing. */
export function followTarget(db: Db | Tx, userId: number, targetType: FollowTarget, targetId: number): void {
  db.insert(follow).values({ userId, targetType, targetId }).onConflictDoNothing().run();
}

/** Stops this person following the target; unfollowing what one does not follow changes nothing. */
export function unfollowTarget(db: Db | Tx, userId: number, targetType: FollowTarget, targetId: number): void {
  db.delete(follow).where(and(eq(follow.userId, userId), eq(follow.targetType, targetType), eq(follow.targetId, targetId))).run();
}

/** Whether this person follows the target. */
export function isFollowing(db: Db | Tx, userId: number, targetType: FollowTarget, targetId: number): boolean {
  return (
    db
      .select({ userId: follow.userId })
      .from(follow)
      .where(and(eq(follow.userId, userId), eq(follow.targetType, targetType), eq(follow.targetId, targetId)))
      .get() !== undefined
  );
}

/** The ids of the people following the target, oldest follow first. */
export function listFollowerIds(db: Db | Tx, targetType: FollowTarget, targetId: number): number[] {
  return db
    .select({ userId: follow.userId })
    .from(follow)
    .where(and(eq(follow.targetType, targetType), eq(follow.targetId, targetId)))
    .orderBy(asc(follow.createdAt), asc(follow.userId))
    .all()
    .map((row) => row.userId);
}

/**
 * Removes every follow of a target being deleted. follow.target_id points into several tables, so no
 * foreign key can cascade: the deleting command calls this inside its own transaction.
 */
export function removeFollowsOfTarget(db: Db | Tx, targetType: FollowTarget, targetId: number): void {
  db.delete(follow).where(and(eq(follow.targetType, targetType), eq(follow.targetId, targetId))).run();
}

// Following tells of changes: a person may follow only what they may read, so that a notification
// never names a draft or a hidden fiche to a stranger.
function isReadableTarget(db: Db, viewer: Viewer, targetType: FollowTarget, targetId: number): boolean {
  switch (targetType) {
    case "fiche": {
      const facts = getFicheAccessFacts(db, targetId);
      return facts !== null && canReadFiche(viewer, facts);
    }
    case "catalogue": {
      const facts = getCatalogueAccessFacts(db, targetId);
      return facts !== null && canReadCatalogue(viewer, facts);
    }
    case "acteur":
      return db.select({ id: acteur.id }).from(acteur).where(eq(acteur.id, targetId)).get() !== undefined;
    case "theme":
      return (
        db
          .select({ id: taxonomyTerm.id })
          .from(taxonomyTerm)
          .where(and(eq(taxonomyTerm.id, targetId), eq(taxonomyTerm.taxonomy, "theme")))
          .get() !== undefined
      );
    case "fil": {
      const thread = db
        .select({ ficheId: comment.ficheId })
        .from(comment)
        .where(and(eq(comment.id, targetId), isNull(comment.threadId), eq(comment.statut, "publie")))
        .get();
      const facts = thread ? getFicheAccessFacts(db, thread.ficheId) : null;
      return facts !== null && canReadFiche(viewer, facts);
    }
  }
}

/** « Suivre » / « Ne plus suivre » for a signed-in person; one may always stop following, even what is gone. */
export function setFollow(db: Db, viewer: Viewer | null, input: FollowInput): void {
  if (!viewer) throw new DomainError("forbidden", "Connectez-vous pour suivre un contenu.", undefined, "Sign in to follow.");
  if (!input.following) return unfollowTarget(db, viewer.id, input.targetType, input.targetId);
  if (!isReadableTarget(db, viewer, input.targetType, input.targetId)) {
    throw new DomainError("follow_target_not_found", "Ce contenu n'existe pas ou plus.", undefined, `No ${input.targetType} ${input.targetId} to follow.`);
  }
  followTarget(db, viewer.id, input.targetType, input.targetId);
}

/** Moves the follows of one target onto another (fiches merged): who followed either follows the result once. */
export function moveFollows(db: Db | Tx, targetType: FollowTarget, fromId: number, toId: number): void {
  db.run(sql`update or ignore ${follow} set target_id = ${toId} where target_type = ${targetType} and target_id = ${fromId}`);
  removeFollowsOfTarget(db, targetType, fromId);
}

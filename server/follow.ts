import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { follow } from "@/db/schema";
import type { FollowTarget } from "@/lib/follow/values";

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

import { and, count, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notification, type Notification } from "@/db/schema";
import type { Viewer } from "@/lib/policies/viewer";
import { DomainError } from "./errors";

const LIST_SIZE = 100;

function signedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new DomainError("forbidden", "Connectez-vous pour voir vos notifications.", undefined, "Notifications belong to a signed-in person.");
  return viewer;
}

/** A person's latest notifications, newest first. */
export function listNotifications(db: Db, userId: number, limit = LIST_SIZE): Notification[] {
  return db.select().from(notification).where(eq(notification.userId, userId)).orderBy(desc(notification.createdAt), desc(notification.id)).limit(limit).all();
}

/** How many of a person's notifications are unread. */
export function countUnreadNotifications(db: Db, userId: number): number {
  return db.select({ n: count() }).from(notification).where(and(eq(notification.userId, userId), isNull(notification.readAt))).get()!.n;
}

/** A person's unread notifications newer than `afterId`, newest first: what a page that is open has not shown yet. */
export function listUnreadNotificationsAfter(db: Db, userId: number, afterId: number, limit = 10): Pick<Notification, "id" | "message">[] {
  return db
    .select({ id: notification.id, message: notification.message })
    .from(notification)
    .where(and(eq(notification.userId, userId), isNull(notification.readAt), gt(notification.id, afterId)))
    .orderBy(desc(notification.id))
    .limit(limit)
    .all();
}

/** Marks every notification of the signed-in person read; returns how many were unread. */
export function markAllNotificationsRead(db: Db, viewer: Viewer | null, now = new Date()): number {
  const me = signedIn(viewer);
  return db.update(notification).set({ readAt: now }).where(and(eq(notification.userId, me.id), isNull(notification.readAt))).run().changes;
}

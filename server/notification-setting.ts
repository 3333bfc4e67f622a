import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notificationSetting, user } from "@/db/schema";
import type { DigestFrequency } from "@/lib/notification/values";
import type { Viewer } from "@/lib/policies/viewer";
import { DomainError } from "./errors";

export type NotificationPreferences = { digest: DigestFrequency; mailMentions: boolean; hasFeed: boolean };

const sha256 = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

function signedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new DomainError("forbidden", "Connectez-vous pour régler vos notifications.", undefined, "Preferences belong to a signed-in person.");
  return viewer;
}

/** A person's choices, with the defaults for whoever never chose: a daily digest and mentions by mail. */
export function getNotificationPreferences(db: Db, userId: number): NotificationPreferences {
  const row = db.select().from(notificationSetting).where(eq(notificationSetting.userId, userId)).get();
  return { digest: row?.digest ?? "quotidien", mailMentions: row?.mailMentions ?? true, hasFeed: Boolean(row?.feedTokenHash) };
}

/** Saves the signed-in person's digest frequency and whether mentions and replies are mailed at once. */
export function updateNotificationPreferences(db: Db, viewer: Viewer | null, input: { digest: DigestFrequency; mailMentions: boolean }, now = new Date()): void {
  const me = signedIn(viewer);
  db.insert(notificationSetting)
    .values({ userId: me.id, ...input })
    .onConflictDoUpdate({ target: notificationSetting.userId, set: { ...input, updatedAt: now } })
    .run();
}

/**
 * Makes a new secret for the signed-in person's Atom feed and returns it; only its SHA-256 is kept,
 * so the address is shown once, and the previous one stops working at once.
 */
export function renewFeedToken(db: Db, viewer: Viewer | null, now = new Date()): string {
  const me = signedIn(viewer);
  const token = crypto.randomBytes(32).toString("base64url");
  db.insert(notificationSetting)
    .values({ userId: me.id, feedTokenHash: sha256(token) })
    .onConflictDoUpdate({ target: notificationSetting.userId, set: { feedTokenHash: sha256(token), updatedAt: now } })
    .run();
  return token;
}

/** The enabled person whose feed this secret opens, or null. */
export function getUserByFeedToken(db: Db, token: string): { id: number; name: string } | null {
  if (!/^[\w-]{43}$/.test(token)) return null;
  const row = db
    .select({ id: user.id, name: user.name, disabled: user.disabled })
    .from(notificationSetting)
    .innerJoin(user, eq(user.id, notificationSetting.userId))
    .where(eq(notificationSetting.feedTokenHash, sha256(token)))
    .get();
  return row && !row.disabled ? { id: row.id, name: row.name } : null;
}

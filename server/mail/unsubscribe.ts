import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { comment, notificationSetting } from "@/db/schema";
import { readUnsubscribeToken, type UnsubscribeSubject } from "./unsubscribe-token";

/**
 * Stops every mail a token's subject gets: for a person, the digest and the mails sent at once
 * (the notifications in the app stay); for a visitor, the answers to their question, whose address
 * is forgotten. Returns null when the token is forged or expired.
 */
export function unsubscribe(db: Db, token: string, now = new Date()): UnsubscribeSubject | null {
  const subject = readUnsubscribeToken(token, now);
  if (!subject) return null;
  if ("userId" in subject) {
    db.insert(notificationSetting)
      .values({ userId: subject.userId, digest: "jamais", mailMentions: false })
      .onConflictDoUpdate({ target: notificationSetting.userId, set: { digest: "jamais", mailMentions: false, updatedAt: now } })
      .run();
  } else {
    db.update(comment).set({ visitorEmail: null }).where(eq(comment.id, subject.questionId)).run();
  }
  return subject;
}

import { count, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mailOutbox, type MailOutbox } from "@/db/schema";
import { MAIL_STATUTS, type MailStatut } from "@/lib/notification/values";

/** The latest mails of the outbox, newest first, optionally of one statut. */
export function listOutboxMails(db: Db, statut: MailStatut | null, limit = 200): MailOutbox[] {
  const query = db.select().from(mailOutbox);
  return (statut ? query.where(eq(mailOutbox.statut, statut)) : query).orderBy(desc(mailOutbox.id)).limit(limit).all();
}

/** How many mails the outbox holds in each statut. */
export function countOutboxMails(db: Db): Record<MailStatut, number> {
  const counts = Object.fromEntries(MAIL_STATUTS.map((s) => [s, 0])) as Record<MailStatut, number>;
  for (const row of db.select({ statut: mailOutbox.statut, n: count() }).from(mailOutbox).groupBy(mailOutbox.statut).all()) counts[row.statut] = row.n;
  return counts;
}

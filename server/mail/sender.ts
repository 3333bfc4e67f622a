import { and, asc, eq, isNull, lte, or } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db } from "@/db/client";
import { mailOutbox, type MailOutbox } from "@/db/schema";

/** What the sender needs of a transport: nodemailer's, or a test's. */
export type MailTransport = { sendMail(message: { from: string; to: string; subject: string; text: string; headers: Record<string, string> }): Promise<unknown> };

/** After this many failed attempts a mail is "echec": the delays below add up to nearly two days of retries. */
export const MAX_ATTEMPTS = 12;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 12 * 60 * 60 * 1000;
const BATCH = 20;

/** How long to wait after the `attempts`-th failure: a minute, doubling, at most twelve hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

function dueMails(db: Db, now: Date): MailOutbox[] {
  return db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.statut, "en_attente"), or(isNull(mailOutbox.nextAttemptAt), lte(mailOutbox.nextAttemptAt, now))))
    .orderBy(asc(mailOutbox.id))
    .limit(BATCH)
    .all();
}

/** Sends the mails that are due, one at a time, recording each outcome; returns how many went out. */
export async function sendDueMails(db: Db, transport: MailTransport, from: string, now = () => new Date()): Promise<number> {
  let sent = 0;
  for (const mail of dueMails(db, now())) {
    try {
      await transport.sendMail({ from, to: mail.recipient, subject: mail.subject, text: mail.text, headers: JSON.parse(mail.headers) as Record<string, string> });
      db.update(mailOutbox).set({ statut: "envoye", attempts: mail.attempts + 1, sentAt: now(), nextAttemptAt: null }).where(eq(mailOutbox.id, mail.id)).run();
      sent++;
    } catch (error) {
      const attempts = mail.attempts + 1;
      const failed = attempts >= MAX_ATTEMPTS;
      db.update(mailOutbox)
        .set({
          attempts,
          statut: failed ? "echec" : "en_attente",
          nextAttemptAt: failed ? null : new Date(now().getTime() + retryDelayMs(attempts)),
          lastError: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
        })
        .where(eq(mailOutbox.id, mail.id))
        .run();
    }
  }
  return sent;
}

/** Without SMTP, every waiting mail is marked "non_configure": admins read them on /admin/courriels. */
export function keepMailsUnsent(db: Db): number {
  return db.update(mailOutbox).set({ statut: "non_configure" }).where(eq(mailOutbox.statut, "en_attente")).run().changes;
}

/**
 * Sends the outbox every `intervalMs` in this process. Mails are written by whatever caused them
 * (in this process or the projection worker), so the sender polls rather than being called. Returns
 * a stop function that waits for a pass under way.
 */
export function startMailSender(db: Db, options: { smtpUrl: string | null; from: string; intervalMs?: number }): () => Promise<void> {
  if (!options.smtpUrl) console.warn("SMTP_URL absent : les courriels restent dans la boîte d'envoi (/admin/courriels).");
  const transport: MailTransport | null = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  let running: Promise<unknown> = Promise.resolve();
  const pass = () => {
    running = running
      .then(() => (transport ? sendDueMails(db, transport, options.from) : keepMailsUnsent(db)))
      .catch((error) => console.error("Envoi des courriels :", error));
  };
  pass();
  const timer = setInterval(pass, options.intervalMs ?? 15_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

import type { Db, Tx } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { publicUrl } from "../config";
import { createUnsubscribeToken, type UnsubscribeSubject } from "./unsubscribe-token";

export const PREFERENCES_PATH = "/compte/notifications";
export const UNSUBSCRIBE_PAGE_PATH = "/desabonnement";
// Outside /api/: mail providers post without an Origin header, and the token, not a cookie, is the authority.
export const UNSUBSCRIBE_POST_PATH = "/desabonnement/un-clic";

export type OutgoingMail = { to: string; subject: string; text: string; unsubscribe: UnsubscribeSubject };

/**
 * Writes a mail into the outbox, inside the caller's transaction, so that it exists exactly when
 * what caused it does. The footer and headers carry a one-click unsubscribe link (RFC 8058) and,
 * for account holders, the preferences page. The sender (server/mail/sender.ts) sends it later.
 */
export function queueMail(db: Db | Tx, mail: OutgoingMail, now = new Date()): void {
  const base = publicUrl();
  const token = encodeURIComponent(createUnsubscribeToken(mail.unsubscribe, now));
  const footer = [
    "-- ",
    "Wiki de la Solidarité numérique",
    `Ne plus recevoir ces courriels : ${base}${UNSUBSCRIBE_PAGE_PATH}?t=${token}`,
    ...("userId" in mail.unsubscribe ? [`Choisir ce que vous recevez : ${base}${PREFERENCES_PATH}`] : []),
  ];
  const headers = {
    "List-Unsubscribe": `<${base}${UNSUBSCRIBE_POST_PATH}?t=${token}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
  db.insert(mailOutbox)
    .values({
      recipient: mail.to,
      // A header line break would let a title smuggle headers in.
      subject: mail.subject.replace(/[\r\n]+/g, " ").slice(0, 200),
      text: `${mail.text.trimEnd()}\n\n${footer.join("\n")}\n`,
      headers: JSON.stringify(headers),
      createdAt: now,
    })
    .run();
}

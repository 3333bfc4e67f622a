import crypto from "node:crypto";
import { ensureSessionSecret } from "../config";

/**
 * Who a mail's unsubscribe link speaks for: a person with an account, or the visitor who asked a
 * question (by the question's id) and left an email to hear of the answer.
 */
export type UnsubscribeSubject = { userId: number } | { questionId: number };

// Long enough for a digest read weeks late; short enough that an old forwarded mail stops working.
const TOKEN_LIFETIME_MS = 180 * 24 * 60 * 60 * 1000;

function signature(payload: string, secret: string): string {
  // A key of its own, derived from the session secret: a session cookie's signature is never a valid token.
  const key = crypto.createHmac("sha256", secret).update("wiki:desabonnement").digest();
  return crypto.createHmac("sha256", key).update(payload).digest("base64url");
}

function encodeSubject(subject: UnsubscribeSubject): string {
  return "userId" in subject ? `u${subject.userId}` : `q${subject.questionId}`;
}

/** A signed token that unsubscribes `subject` without signing in, valid for six months. */
export function createUnsubscribeToken(subject: UnsubscribeSubject, now = new Date(), secret = ensureSessionSecret()): string {
  const payload = `${encodeSubject(subject)}.${(now.getTime() + TOKEN_LIFETIME_MS).toString(36)}`;
  return `${payload}.${signature(payload, secret)}`;
}

/** The subject a token speaks for, or null when it is forged, damaged or expired. */
export function readUnsubscribeToken(token: string, now = new Date(), secret = ensureSessionSecret()): UnsubscribeSubject | null {
  const match = /^([uq])([1-9]\d{0,15})\.([0-9a-z]{1,12})\.([\w-]{43})$/.exec(token);
  if (!match) return null;
  const [, kind, id, expires, given] = match;
  const expected = signature(`${kind}${id}.${expires}`, secret);
  if (!crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return null;
  if (parseInt(expires, 36) < now.getTime()) return null;
  return kind === "u" ? { userId: Number(id) } : { questionId: Number(id) };
}

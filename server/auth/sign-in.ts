import type { Db } from "@/db/client";
import type { User } from "@/db/schema";
import { verifyCredentials } from "@/server/user";
import type { SignInThrottle } from "./rate-limit";

export const SIGN_IN_FAILED = "Adresse électronique ou mot de passe incorrect.";

/** The French message for a throttled attempt. */
export function tooManyAttemptsMessage(seconds: number): string {
  if (seconds > 90) {
    const minutes = Math.ceil(seconds / 60);
    return `Trop de tentatives : réessayez dans ${minutes} minutes.`;
  }
  return `Trop de tentatives : réessayez dans ${seconds} seconde${seconds > 1 ? "s" : ""}.`;
}

/**
 * Checks an email and password from a client address, within the throttle's limits. The attempt is
 * reserved before argon2 runs, so that concurrent attempts cannot all pass the same check.
 */
export async function signInWithPassword(
  db: Db,
  throttle: SignInThrottle,
  input: { email: string; password: string; address: string },
): Promise<{ ok: true; user: User } | { ok: false; message: string }> {
  const attempt = throttle.reserve(input.email, input.address);
  if (!attempt.allowed) return { ok: false, message: tooManyAttemptsMessage(attempt.retryAfterSeconds) };
  let found: User | null = null;
  try {
    found = await verifyCredentials(db, input.email, input.password);
  } finally {
    attempt.settle(found ? "success" : "failure");
  }
  return found ? { ok: true, user: found } : { ok: false, message: SIGN_IN_FAILED };
}

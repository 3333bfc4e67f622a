import type { Db } from "@/db/client";
import { upsertOidcUser } from "@/server/user";
import { OIDC_NO_EMAIL, OIDC_SIGN_IN_ERRORS } from "./sign-in-errors";

/**
 * What next-auth's signIn callback answers for an OpenID Connect sign-in: true to sign in, false for
 * a disabled account (next-auth's AccessDenied), or the sign-in page's address with our error code.
 */
export function decideOidcSignIn(
  db: Db,
  input: { subject: string | undefined; claims: Record<string, unknown> | undefined; email: string | null | undefined; name: string | null | undefined },
): boolean | string {
  const claimed = typeof input.claims?.email === "string" ? input.claims.email : input.email;
  const email = (claimed ?? "").trim().toLowerCase();
  if (!email || !input.subject) return `/connexion?error=${OIDC_NO_EMAIL}`;
  // Only the literal true of the claim: a missing claim, or "true" as a string, is no promise.
  const emailVerified = input.claims?.email_verified === true;
  const result = upsertOidcUser(db, { subject: input.subject, email, emailVerified, name: input.name || email });
  if (!result.ok) return `/connexion?error=${OIDC_SIGN_IN_ERRORS[result.reason]}`;
  return !result.user.disabled;
}

import type { JWT } from "next-auth/jwt";

/**
 * The local user id a session token stands for. Read from `uid`, which our jwt callback sets for
 * every sign-in, never from `sub`: after an OpenID Connect sign-in, next-auth puts the provider's
 * subject there, which may be another local account's id or not a number at all.
 */
export function userIdOfToken(token: JWT | null | undefined): number | null {
  const uid = token?.uid;
  return typeof uid === "number" && Number.isSafeInteger(uid) && uid > 0 ? uid : null;
}

import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getViewerById } from "@/db/queries/viewer";
import { apiToken } from "@/db/schema";
import type { Viewer } from "@/lib/policies/viewer";
import { DomainError } from "./errors";

/** Every token starts with this, so that secret scanners and people recognise one. */
export const API_TOKEN_PREFIX = "wsn_";
/** Active tokens a person may hold at once: one per script or tool is plenty. */
export const MAX_API_TOKENS = 20;
// lastUsedAt is for people deciding which token to revoke: a minute is precise enough, and a busy
// script then costs one write a minute instead of one per request.
const LAST_USED_PRECISION_MS = 60_000;
// "wsn_" and 32 random bytes in base64url (43 characters, no padding).
const TOKEN_FORMAT = /^wsn_[A-Za-z0-9_-]{43}$/;
// Enough to tell tokens apart in a list, far too little to guess the rest (still 37 random characters).
const DISPLAY_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 6;

/** What a person sees of one of their tokens: never the token itself, which is not stored. */
export type ApiTokenView = { id: number; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null };

const viewColumns = { id: apiToken.id, name: apiToken.name, prefix: apiToken.prefix, createdAt: apiToken.createdAt, lastUsedAt: apiToken.lastUsedAt };

/** The SHA-256 (hex) of a clear token: what the database keeps. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

// A token acts for the person who holds it: only someone signed in gets one, for themselves.
function signedIn(viewer: Viewer | null, messageFr: string, messageEn: string): Viewer {
  if (!viewer) throw new DomainError("forbidden", messageFr, undefined, messageEn);
  return viewer;
}

/**
 * Creates a personal API token for the signed-in viewer and returns it in clear, the only time it
 * exists outside the person's hands: only its hash and a short display prefix are stored.
 */
export function createApiToken(db: Db, viewer: Viewer | null, name: string): ApiTokenView & { token: string } {
  const userId = signedIn(viewer, "Connectez-vous pour créer un jeton.", "Sign in to create an API token.").id;
  const trimmed = name.trim();
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return db.transaction(
    (tx) => {
      const active = tx.select({ name: apiToken.name }).from(apiToken).where(and(eq(apiToken.userId, userId), isNull(apiToken.revokedAt))).all();
      if (active.length >= MAX_API_TOKENS) {
        throw new DomainError(
          "too_many_tokens",
          `Vous avez déjà ${MAX_API_TOKENS} jetons actifs : révoquez ceux qui ne servent plus avant d'en créer un autre.`,
          "name",
          `At most ${MAX_API_TOKENS} active tokens per account.`,
        );
      }
      // Tokens are told apart by name in the list and on their "Révoquer" buttons.
      if (active.some((t) => t.name.toLocaleLowerCase("fr") === trimmed.toLocaleLowerCase("fr"))) {
        throw new DomainError("duplicate_token_name", "Vous avez déjà un jeton de ce nom : choisissez-en un autre.", "name", "A token with this name already exists.");
      }
      const row = tx
        .insert(apiToken)
        .values({ userId, name: trimmed, tokenHash: hashApiToken(token), prefix: token.slice(0, DISPLAY_PREFIX_LENGTH) })
        .returning(viewColumns)
        .get();
      return { ...row, token };
    },
    { behavior: "immediate" },
  );
}

/** A person's active tokens, oldest first. */
export function listApiTokens(db: Db, userId: number): ApiTokenView[] {
  return db
    .select(viewColumns)
    .from(apiToken)
    .where(and(eq(apiToken.userId, userId), isNull(apiToken.revokedAt)))
    .orderBy(asc(apiToken.createdAt), asc(apiToken.id))
    .all();
}

/**
 * Revokes one of the viewer's own tokens; it stops working at once. Someone else's token, or one
 * already revoked, is "not found": a person cannot learn which token ids exist.
 */
export function revokeApiToken(db: Db, viewer: Viewer | null, tokenId: number): ApiTokenView {
  const userId = signedIn(viewer, "Connectez-vous pour révoquer un jeton.", "Sign in to revoke an API token.").id;
  const revoked = db
    .update(apiToken)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiToken.id, tokenId), eq(apiToken.userId, userId), isNull(apiToken.revokedAt)))
    .returning(viewColumns)
    .get();
  if (!revoked) {
    throw new DomainError("token_not_found", "Ce jeton n'existe pas ou a déjà été révoqué.", undefined, `No active token ${tokenId} for this account.`);
  }
  return revoked;
}

/**
 * The viewer a clear token (the part after "Bearer ") acts for, or null when the token is malformed,
 * unknown, revoked, or its account disabled. Records when it was last used, at most once a minute.
 */
export function authenticateApiToken(db: Db, bearer: string, now: number = Date.now()): Viewer | null {
  if (!TOKEN_FORMAT.test(bearer)) return null;
  const row = db
    .select({ id: apiToken.id, userId: apiToken.userId, lastUsedAt: apiToken.lastUsedAt })
    .from(apiToken)
    .where(and(eq(apiToken.tokenHash, hashApiToken(bearer)), isNull(apiToken.revokedAt)))
    .get();
  if (!row) return null;
  const viewer = getViewerById(db, row.userId);
  if (!viewer) return null;
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    db.update(apiToken).set({ lastUsedAt: new Date(now) }).where(eq(apiToken.id, row.id)).run();
  }
  return viewer;
}

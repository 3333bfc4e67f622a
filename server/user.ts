import { hash, verify } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { user, type User } from "@/db/schema";
import { canManageUsers } from "@/lib/policies/user";
import type { Viewer } from "@/lib/policies/viewer";
import type { Role } from "@/lib/roles";
import { authorize, type Actor } from "./authorize";
import { DomainError } from "./errors";

// Argon2id (the library's default algorithm) with OWASP's recommended minimum cost.
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

// Verified against when the email is unknown, so that both failures take the same time.
let decoyHash: Promise<string> | null = null;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

const MANAGE_FORBIDDEN = "Seuls les administrateurs peuvent gérer les comptes.";
const MANAGE_FORBIDDEN_EN = "Only administrators may manage accounts.";

/**
 * Creates an account; an email already registered is refused with the code "email_taken". Anyone
 * may sign up as a contributor; another role is given by an administrator or the system (the CLI).
 */
export async function createUser(
  db: Db,
  actor: Actor,
  input: { email: string; name: string; password: string; role?: Role },
): Promise<User> {
  const role = input.role ?? "contributeur";
  if (role !== "contributeur") authorize(actor, canManageUsers, MANAGE_FORBIDDEN, MANAGE_FORBIDDEN_EN);
  const existing = db.select({ id: user.id }).from(user).where(eq(user.email, input.email)).get();
  if (existing) throw new DomainError("email_taken", "Cette adresse est déjà utilisée.", "email", "This email is already registered.");
  const passwordHash = await hashPassword(input.password);
  return db
    .insert(user)
    .values({ email: input.email, name: input.name, passwordHash, role })
    .returning()
    .get();
}

/** Returns the enabled user whose email and password match, or null, in constant-ish time. */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<User | null> {
  const found = db.select().from(user).where(eq(user.email, email.trim().toLowerCase())).get();
  if (!found?.passwordHash) {
    decoyHash ??= hashPassword("decoy-password-never-valid");
    await verify(await decoyHash, password).catch(() => false);
    return null;
  }
  const valid = await verify(found.passwordHash, password).catch(() => false);
  if (!valid || found.disabled) return null;
  return found;
}

/** Changes the signed-in viewer's own password after checking the current one. */
export async function changePassword(db: Db, viewer: Viewer | null, currentPassword: string, newPassword: string): Promise<void> {
  if (!viewer) throw new DomainError("forbidden", "Connectez-vous pour changer votre mot de passe.", undefined, "Sign in to change your password.");
  const userId = viewer.id;
  const found = db.select().from(user).where(eq(user.id, userId)).get();
  if (!found?.passwordHash || !(await verify(found.passwordHash, currentPassword).catch(() => false))) {
    throw new DomainError("wrong_password", "Le mot de passe actuel est incorrect.", "currentPassword", "The current password is wrong.");
  }
  db.update(user)
    .set({ passwordHash: await hashPassword(newPassword), updatedAt: new Date() })
    .where(eq(user.id, userId))
    .run();
}

/** Returns the user with this email, if any. */
export function getUserByEmail(db: Db, email: string): User | undefined {
  return db.select().from(user).where(eq(user.email, email.trim().toLowerCase())).get();
}

/**
 * The enabled account with this email, to add as a member or an owner; refuses with a French
 * message on the email field otherwise. Call it only once the policy let the viewer through, so
 * that it tells nothing about who has an account to a stranger.
 */
export function requireActiveUserByEmail(db: Db | Tx, email: string): { id: number; name: string } {
  const found = db
    .select({ id: user.id, name: user.name, disabled: user.disabled })
    .from(user)
    .where(eq(user.email, email.trim().toLowerCase()))
    .get();
  if (!found || found.disabled) {
    throw new DomainError(
      "user_not_found",
      "Aucun compte avec cette adresse. La personne doit d'abord créer son compte sur le wiki, puis vous pourrez l'ajouter.",
      "email",
      "No active account with this email.",
    );
  }
  return { id: found.id, name: found.name };
}

/** Returns the user with this id, if any. */
export function getUserById(db: Db, id: number): User | undefined {
  return db.select().from(user).where(eq(user.id, id)).get();
}

function countActiveAdmins(db: Db): number {
  return db
    .select({ id: user.id, role: user.role, disabled: user.disabled })
    .from(user)
    .all()
    .filter((u) => u.role === "admin" && !u.disabled).length;
}

/** Changes a user's role; the last active admin cannot lose the role. */
export function setUserRole(db: Db, actor: Actor, userId: number, role: Role): User {
  authorize(actor, canManageUsers, MANAGE_FORBIDDEN, MANAGE_FORBIDDEN_EN);
  const found = getUserById(db, userId);
  if (!found) throw new DomainError("user_not_found", "Ce compte n'existe pas.", undefined, `No user with id ${userId}.`);
  if (found.role === "admin" && role !== "admin" && !found.disabled && countActiveAdmins(db) <= 1) {
    throw new DomainError("last_admin", "Il doit rester au moins un administrateur.", "role", "The last active admin cannot be demoted.");
  }
  return db.update(user).set({ role, updatedAt: new Date() }).where(eq(user.id, userId)).returning().get();
}

/** Disables or re-enables an account; the last active admin cannot be disabled. */
export function setUserDisabled(db: Db, actor: Actor, userId: number, disabled: boolean): User {
  authorize(actor, canManageUsers, MANAGE_FORBIDDEN, MANAGE_FORBIDDEN_EN);
  const found = getUserById(db, userId);
  if (!found) throw new DomainError("user_not_found", "Ce compte n'existe pas.", undefined, `No user with id ${userId}.`);
  if (disabled && found.role === "admin" && !found.disabled && countActiveAdmins(db) <= 1) {
    throw new DomainError("last_admin", "Il doit rester au moins un administrateur actif.", undefined, "The last active admin cannot be disabled.");
  }
  return db.update(user).set({ disabled, updatedAt: new Date() }).where(eq(user.id, userId)).returning().get();
}

/** Returns the user linked to this OpenID Connect subject, if any. */
export function getUserByOidcSubject(db: Db, subject: string): User | undefined {
  return db.select().from(user).where(eq(user.oidcSubject, subject)).get();
}

/** Why an OpenID Connect sign-in was refused. */
export type OidcRefusal = "email_unverified" | "email_linked_elsewhere";

/**
 * Finds or creates the account of a person signing in through OpenID Connect. An account already
 * linked to the subject is theirs; an account with the same email is linked only when the provider
 * vouches for the email, since anyone may claim any address at a provider that does not check.
 */
export function upsertOidcUser(
  db: Db,
  input: { subject: string; email: string; emailVerified: boolean; name: string },
): { ok: true; user: User } | { ok: false; reason: OidcRefusal } {
  const bySubject = getUserByOidcSubject(db, input.subject);
  if (bySubject) return { ok: true, user: bySubject };
  const email = input.email.trim().toLowerCase();
  const byEmail = getUserByEmail(db, email);
  if (byEmail) {
    if (!input.emailVerified) return { ok: false, reason: "email_unverified" };
    // Another identity of the provider already holds this account: relinking would hand it over.
    if (byEmail.oidcSubject) return { ok: false, reason: "email_linked_elsewhere" };
    const linked = db.update(user).set({ oidcSubject: input.subject, updatedAt: new Date() }).where(eq(user.id, byEmail.id)).returning().get();
    return { ok: true, user: linked };
  }
  const created = db
    .insert(user)
    .values({ email, name: input.name || email, oidcSubject: input.subject })
    .returning()
    .get();
  return { ok: true, user: created };
}

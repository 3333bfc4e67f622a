import { describe, expect, it } from "vitest";
import { buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { getTestDb } from "@/db/testing";
import { SYSTEM } from "./authorize";
import { DomainError } from "./errors";
import { changePassword, createUser, getUserByEmail, getUserById, setUserDisabled, setUserRole, upsertOidcUser, verifyCredentials } from "./user";

const db = getTestDb();
let n = 0;
const subject = () => `oidc-sujet-${++n}`;

describe("upsertOidcUser", () => {
  it("refuses an unverified email that belongs to an account, and leaves the account unlinked", () => {
    const admin = buildUser({ role: "admin" });
    const result = upsertOidcUser(db, { subject: subject(), email: admin.email, emailVerified: false, name: "Intrus" });
    expect(result).toEqual({ ok: false, reason: "email_unverified" });
    expect(getUserById(db, admin.id)?.oidcSubject).toBeNull();
  });

  it("links the account of a verified email, whatever its case", () => {
    const owner = buildUser();
    const sub = subject();
    const result = upsertOidcUser(db, { subject: sub, email: owner.email.toUpperCase(), emailVerified: true, name: "Propriétaire" });
    expect(result).toMatchObject({ ok: true, user: { id: owner.id, oidcSubject: sub } });
  });

  it("keeps signing in the account already linked to the subject, even if the email now differs or is unverified", () => {
    const owner = buildUser();
    const sub = subject();
    upsertOidcUser(db, { subject: sub, email: owner.email, emailVerified: true, name: "" });
    const again = upsertOidcUser(db, { subject: sub, email: "nouvelle@exemple.fr", emailVerified: false, name: "" });
    expect(again).toMatchObject({ ok: true, user: { id: owner.id, email: owner.email } });
    expect(getUserByEmail(db, "nouvelle@exemple.fr")).toBeUndefined();
  });

  it("does not hand an account linked to one subject over to another, even with a verified email", () => {
    const owner = buildUser();
    const first = subject();
    upsertOidcUser(db, { subject: first, email: owner.email, emailVerified: true, name: "" });
    const other = upsertOidcUser(db, { subject: subject(), email: owner.email, emailVerified: true, name: "" });
    expect(other).toEqual({ ok: false, reason: "email_linked_elsewhere" });
    expect(getUserById(db, owner.id)?.oidcSubject).toBe(first);
  });

  it("creates an account for a new email, verified or not", () => {
    const sub = subject();
    const result = upsertOidcUser(db, { subject: sub, email: " Nouveau.Venu@Exemple.fr", emailVerified: false, name: "Nouveau venu" });
    expect(result).toMatchObject({ ok: true, user: { email: "nouveau.venu@exemple.fr", name: "Nouveau venu", oidcSubject: sub, role: "contributeur" } });
  });
});

describe("account management", () => {
  it("refuses role changes and disabling to anyone but an administrator, before changing anything", () => {
    const target = buildUser();
    const moderator = getViewerById(db, buildUser({ role: "moderateur" }).id);
    for (const viewer of [null, moderator]) {
      expect(() => setUserRole(db, viewer, target.id, "admin")).toThrow(expect.objectContaining({ code: "forbidden" }));
      expect(() => setUserDisabled(db, viewer, target.id, true)).toThrow(expect.objectContaining({ code: "forbidden" }));
    }
    expect(getUserById(db, target.id)).toMatchObject({ role: "contributeur", disabled: false });
  });

  it("lets an administrator and the system change roles and disable accounts", () => {
    const target = buildUser();
    const admin = getViewerById(db, buildUser({ role: "admin" }).id);
    expect(setUserRole(db, admin, target.id, "moderateur").role).toBe("moderateur");
    expect(setUserDisabled(db, admin, target.id, true).disabled).toBe(true);
    expect(setUserRole(db, SYSTEM, target.id, "admin").role).toBe("admin");
  });

  it("changes only the signed-in viewer's own password, after checking the current one", async () => {
    const owner = await createUser(db, null, { email: "titulaire@exemple.fr", name: "Titulaire", password: "ancien mot de passe" });
    const refused = await changePassword(db, null, "ancien mot de passe", "nouveau mot de passe").catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "forbidden" });
    // A stranger who knows the owner's password still changes only their own account.
    const stranger = await createUser(db, null, { email: "inconnue@exemple.fr", name: "Inconnue", password: "le sien" });
    const wrong = await changePassword(db, getViewerById(db, stranger.id), "ancien mot de passe", "nouveau mot de passe").catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: "wrong_password" });
    expect(await verifyCredentials(db, "titulaire@exemple.fr", "ancien mot de passe")).not.toBeNull();

    await changePassword(db, getViewerById(db, owner.id), "ancien mot de passe", "nouveau mot de passe");
    expect(await verifyCredentials(db, "titulaire@exemple.fr", "nouveau mot de passe")).not.toBeNull();
    expect(await verifyCredentials(db, "titulaire@exemple.fr", "ancien mot de passe")).toBeNull();
  });

  it("lets anyone sign up as a contributor, but only an administrator or the system give another role", async () => {
    const contributor = await createUser(db, null, { email: "inscrite@exemple.fr", name: "Inscrite", password: "un mot de passe sûr" });
    expect(contributor.role).toBe("contributeur");
    const refused = await createUser(db, null, { email: "pirate@exemple.fr", name: "Pirate", password: "un mot de passe sûr", role: "admin" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: "forbidden" });
    expect(getUserByEmail(db, "pirate@exemple.fr")).toBeUndefined();
    expect((await createUser(db, SYSTEM, { email: "modo@exemple.fr", name: "Modo", password: "un mot de passe sûr", role: "moderateur" })).role).toBe("moderateur");
  });
});

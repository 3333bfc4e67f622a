import { describe, expect, it } from "vitest";
import { buildUser } from "@/db/factories";
import { getTestDb } from "@/db/testing";
import { getUserByEmail, getUserById, upsertOidcUser } from "./user";

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

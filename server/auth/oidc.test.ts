import { describe, expect, it } from "vitest";
import { buildUser } from "@/db/factories";
import { getTestDb } from "@/db/testing";
import { getUserById } from "@/server/user";
import { decideOidcSignIn } from "./oidc";
import { signInErrorMessage } from "./sign-in-errors";

const db = getTestDb();
let n = 0;
const subject = () => `oidc-sujet-${++n}`;

describe("decideOidcSignIn", () => {
  it("sends an unverified email of an existing account back to the sign-in page with a French reason", () => {
    const admin = buildUser({ role: "admin" });
    for (const email_verified of [false, undefined, "true"]) {
      const decision = decideOidcSignIn(db, { subject: subject(), claims: { email: admin.email, email_verified }, email: admin.email, name: "Intrus" });
      expect(decision).toBe("/connexion?error=OidcEmailUnverified");
    }
    expect(getUserById(db, admin.id)?.oidcSubject).toBeNull();
    expect(signInErrorMessage("OidcEmailUnverified")).toMatch(/n'a pas confirmé votre adresse électronique/);
  });

  it("signs in with the account of a verified email, then by subject alone", () => {
    const owner = buildUser();
    const sub = subject();
    expect(decideOidcSignIn(db, { subject: sub, claims: { email: owner.email, email_verified: true }, email: owner.email, name: null })).toBe(true);
    expect(getUserById(db, owner.id)?.oidcSubject).toBe(sub);
    expect(decideOidcSignIn(db, { subject: sub, claims: { email: owner.email }, email: owner.email, name: null })).toBe(true);
  });

  it("reads the email from the claims before next-auth's user, and refuses a disabled account", () => {
    const disabled = buildUser({ disabled: true });
    const decision = decideOidcSignIn(db, { subject: subject(), claims: { email: disabled.email, email_verified: true }, email: "autre@exemple.fr", name: null });
    expect(decision).toBe(false);
    expect(signInErrorMessage("AccessDenied")).toMatch(/désactivé/);
  });

  it("refuses a sign-in without an email or a subject", () => {
    expect(decideOidcSignIn(db, { subject: subject(), claims: {}, email: null, name: null })).toBe("/connexion?error=OidcNoEmail");
    expect(decideOidcSignIn(db, { subject: undefined, claims: { email: "x@exemple.fr", email_verified: true }, email: null, name: null })).toBe("/connexion?error=OidcNoEmail");
  });

  it("shows a generic message for any other code, never the code itself", () => {
    expect(signInErrorMessage("<script>")).toBe("La connexion a échoué. Réessayez.");
    expect(signInErrorMessage("toString")).toBe("La connexion a échoué. Réessayez.");
  });
});

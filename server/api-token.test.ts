import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildActeur, buildUser } from "@/db/factories";
import { getTestDb } from "@/db/testing";
import { apiToken, user } from "@/db/schema";
import { getViewerById } from "@/db/queries/viewer";
import { authenticateApiToken, createApiToken, hashApiToken, listApiTokens, MAX_API_TOKENS, revokeApiToken } from "./api-token";
import { DomainError } from "./errors";

const db = getTestDb();

function storedRow(id: number) {
  return db.select().from(apiToken).where(eq(apiToken.id, id)).get()!;
}

describe("API tokens", () => {
  it("returns the clear token once and stores only its SHA-256 and a short prefix", () => {
    const owner = buildUser();
    const created = createApiToken(db, getViewerById(db, owner.id), "  Script de synchronisation ");
    expect(created.token).toMatch(/^wsn_[A-Za-z0-9_-]{43}$/);
    expect(created.name).toBe("Script de synchronisation");

    const row = storedRow(created.id);
    expect(row.tokenHash).toBe(hashApiToken(created.token));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(created.token.startsWith(row.prefix)).toBe(true);
    expect(row.prefix.length).toBeLessThan(12);
    const everyColumn = JSON.stringify(db.select().from(apiToken).all());
    expect(everyColumn).not.toContain(created.token.slice(row.prefix.length));

    const listed = listApiTokens(db, owner.id);
    expect(listed).toEqual([{ id: created.id, name: "Script de synchronisation", prefix: row.prefix, createdAt: row.createdAt, lastUsedAt: null }]);
    expect(JSON.stringify(listed)).not.toContain(created.token);
  });

  it("makes two tokens with the same name impossible, and caps how many a person holds", () => {
    const owner = buildUser();
    createApiToken(db, getViewerById(db, owner.id), "Tableur");
    expect(() => createApiToken(db, getViewerById(db, owner.id), "tableur")).toThrow(DomainError);
    for (let i = 1; i < MAX_API_TOKENS; i++) createApiToken(db, getViewerById(db, owner.id), `Jeton ${i}`);
    expect(() => createApiToken(db, getViewerById(db, owner.id), "Un de trop")).toThrow(/At most 20 active tokens/);
    expect(listApiTokens(db, buildUser().id)).toEqual([]);
  });

  it("authenticates a token as its owner, with the owner's memberships", () => {
    const owner = buildUser({ role: "moderateur" });
    const acteur = buildActeur({ members: [owner] });
    const { token } = createApiToken(db, getViewerById(db, owner.id), "CLI");
    expect(authenticateApiToken(db, token)).toEqual({ id: owner.id, name: owner.name, role: "moderateur", acteurIds: [acteur.id] });
  });

  it("refuses malformed, unknown and tampered tokens", () => {
    const { token } = createApiToken(db, getViewerById(db, buildUser().id), "Valide");
    expect(authenticateApiToken(db, "")).toBeNull();
    expect(authenticateApiToken(db, "Bearer " + token)).toBeNull();
    expect(authenticateApiToken(db, `wsn_${"A".repeat(43)}`)).toBeNull();
    const tampered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(authenticateApiToken(db, tampered)).toBeNull();
    expect(authenticateApiToken(db, token)).not.toBeNull();
  });

  it("stops a revoked token at once; only its owner may revoke it", () => {
    const owner = buildUser();
    const stranger = buildUser();
    const created = createApiToken(db, getViewerById(db, owner.id), "À révoquer");
    expect(() => revokeApiToken(db, getViewerById(db, stranger.id), created.id)).toThrow(DomainError);
    expect(authenticateApiToken(db, created.token)).not.toBeNull();

    const revoked = revokeApiToken(db, getViewerById(db, owner.id), created.id);
    expect(revoked.name).toBe("À révoquer");
    expect(storedRow(created.id).revokedAt).toBeInstanceOf(Date);
    expect(authenticateApiToken(db, created.token)).toBeNull();
    expect(listApiTokens(db, owner.id)).toEqual([]);
    expect(() => revokeApiToken(db, getViewerById(db, owner.id), created.id)).toThrow(/No active token/);
    // The name is free again once the token is revoked.
    expect(createApiToken(db, getViewerById(db, owner.id), "À révoquer").name).toBe("À révoquer");
  });

  it("refuses visitors: nobody gets or revokes a token without being signed in", () => {
    const owner = buildUser();
    const created = createApiToken(db, getViewerById(db, owner.id), "Gardé");
    expect(() => createApiToken(db, null, "Anonyme")).toThrow(expect.objectContaining({ code: "forbidden", messageFr: "Connectez-vous pour créer un jeton." }));
    expect(() => revokeApiToken(db, null, created.id)).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(db.select().from(apiToken).where(eq(apiToken.name, "Anonyme")).all()).toEqual([]);
    expect(authenticateApiToken(db, created.token)).not.toBeNull();
  });

  it("stops the tokens of a disabled account, and lets them work again if it is re-enabled", () => {
    const owner = buildUser();
    const { token } = createApiToken(db, getViewerById(db, owner.id), "Compte désactivé");
    db.update(user).set({ disabled: true }).where(eq(user.id, owner.id)).run();
    expect(authenticateApiToken(db, token)).toBeNull();
    db.update(user).set({ disabled: false }).where(eq(user.id, owner.id)).run();
    expect(authenticateApiToken(db, token)?.id).toBe(owner.id);
  });

  it("records the last use at most once a minute", () => {
    const created = createApiToken(db, getViewerById(db, buildUser().id), "Horodaté");
    const t0 = Date.UTC(2026, 0, 5, 9, 0, 0);
    authenticateApiToken(db, created.token, t0);
    expect(storedRow(created.id).lastUsedAt?.getTime()).toBe(t0);
    authenticateApiToken(db, created.token, t0 + 59_000);
    expect(storedRow(created.id).lastUsedAt?.getTime()).toBe(t0);
    authenticateApiToken(db, created.token, t0 + 60_000);
    expect(storedRow(created.id).lastUsedAt?.getTime()).toBe(t0 + 60_000);
  });
});

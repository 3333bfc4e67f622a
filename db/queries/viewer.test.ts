import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getTestDb } from "@/db/testing";
import { acteur, membership, user } from "@/db/schema";
import { getViewerById } from "./viewer";

function buildUser(email: string, values: Partial<typeof user.$inferInsert> = {}) {
  return getTestDb().insert(user).values({ email, name: email.split("@")[0], ...values }).returning().get();
}
function buildActeur(slug: string) {
  return getTestDb()
    .insert(acteur)
    .values({ slug, nom: slug, categorie: "non_lucratif", typologie: "association" })
    .returning()
    .get();
}

describe("getViewerById", () => {
  it("returns the user's role and the acteurs it is a member of", () => {
    const db = getTestDb();
    const alice = buildUser("alice@example.org", { role: "moderateur" });
    const a = buildActeur("emmaus-connect");
    const b = buildActeur("ressourcerie");
    db.insert(membership).values([{ userId: alice.id, acteurId: b.id }, { userId: alice.id, acteurId: a.id }]).run();
    expect(getViewerById(db, alice.id)).toEqual({
      id: alice.id,
      name: "alice",
      role: "moderateur",
      acteurIds: [a.id, b.id].sort((x, y) => x - y),
    });
  });

  it("returns null for a missing or disabled account", () => {
    const db = getTestDb();
    const bob = buildUser("bob@example.org");
    expect(getViewerById(db, bob.id)?.acteurIds).toEqual([]);
    db.update(user).set({ disabled: true }).where(eq(user.id, bob.id)).run();
    expect(getViewerById(db, bob.id)).toBeNull();
    expect(getViewerById(db, 999_999)).toBeNull();
  });
});

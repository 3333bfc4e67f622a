import { describe, expect, it } from "vitest";
import { getTestDb } from "@/db/testing";
import { user } from "@/db/schema";
import { searchUsers } from "./user";

function buildUser(email: string, name: string) {
  return getTestDb().insert(user).values({ email, name, passwordHash: "not-a-real-hash" }).returning().get();
}

describe("searchUsers", () => {
  it("finds accounts by name or email, accents and case aside, oldest first", () => {
    const db = getTestDb();
    const emilie = buildUser("emilie.roux@exemple.fr", "Émilie Roux");
    const marc = buildUser("marc@rouxcompany.fr", "Marc Petit");
    buildUser("zoe@exemple.fr", "Zoé Martin");
    expect(searchUsers(db, "EMILIE").map((u) => u.id)).toEqual([emilie.id]);
    expect(searchUsers(db, " roux ").map((u) => u.id)).toEqual([emilie.id, marc.id]);
    expect(searchUsers(db, "inconnu")).toEqual([]);
  });

  it("lists everyone for a blank query and never exposes the password hash", () => {
    const db = getTestDb();
    buildUser("yann@exemple.fr", "Yann Le Goff");
    const all = searchUsers(db, "   ");
    expect(all.length).toBe(db.select().from(user).all().length);
    expect(Object.keys(all[0]).sort()).toEqual(["createdAt", "disabled", "email", "id", "name", "role"]);
  });
});

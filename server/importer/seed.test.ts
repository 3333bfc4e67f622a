import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { acteur, fiche } from "@/db/schema";
import { seedDatabase } from "@/server/importer/seed";
import { getTestDb } from "@/db/testing";
import { seedLivreBlanc } from "./seed";

const counts = () => {
  const db = getTestDb();
  return { fiches: db.select({ n: count() }).from(fiche).get()!.n, acteurs: db.select({ n: count() }).from(acteur).get()!.n };
};

describe("the first start", () => {
  it("imports the Livre blanc into an empty wiki once, then costs one query at every start", () => {
    const db = getTestDb();
    // The unit tests' database holds the taxonomies only: tests build their own fiches.
    expect(counts()).toEqual({ fiches: 0, acteurs: 0 });

    expect(seedDatabase(db)).toEqual({ terms: 0, livreBlanc: { fiches: 121, acteurs: 110 } });
    expect(counts()).toEqual({ fiches: 121, acteurs: 110 });

    const statements: string[] = [];
    const prepare = db.$client.prepare;
    db.$client.prepare = function (this: typeof db.$client, source: string) {
      statements.push(source);
      return prepare.call(this, source);
    } as typeof prepare;
    try {
      expect(seedLivreBlanc(db)).toBeNull();
    } finally {
      db.$client.prepare = prepare;
    }
    expect(statements).toEqual(['select "id" from "fiche" limit ?']);

    expect(seedDatabase(db)).toEqual({ terms: 0, livreBlanc: null });
    expect(counts()).toEqual({ fiches: 121, acteurs: 110 });
  });
});

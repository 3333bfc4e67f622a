import { count, eq } from "drizzle-orm";
import { TAXONOMIES, taxonomyTerm } from "./schema";
import { TAXONOMY_SEED } from "./taxonomies";
import { seedLivreBlanc } from "@/server/importer/seed";
import type { Db } from "./client";

/**
 * Gives each taxonomy that has no term yet the Livre blanc's terms. A taxonomy that has terms is
 * left untouched, so that an admin's edits, deletions included, survive every restart.
 */
export function seedTaxonomies(db: Db): number {
  let inserted = 0;
  db.transaction((tx) => {
    for (const taxonomy of TAXONOMIES) {
      const existing = tx.select({ n: count() }).from(taxonomyTerm).where(eq(taxonomyTerm.taxonomy, taxonomy)).get()!.n;
      if (existing > 0) continue;
      TAXONOMY_SEED[taxonomy].forEach((term, position) => {
        const result = tx
          .insert(taxonomyTerm)
          .values({ taxonomy, ...term, position })
          .onConflictDoNothing()
          .run();
        inserted += result.changes;
      });
    }
  });
  return inserted;
}

/** What seeding added: taxonomy terms, and on first start the Livre blanc's fiches and acteurs. */
export type SeedResult = { terms: number; livreBlanc: { fiches: number; acteurs: number } | null };

/**
 * Brings an empty or existing database to the state the wiki needs to start: the missing taxonomy
 * terms, then, while the wiki holds no fiche, the Livre blanc's content (a no-op afterwards).
 */
export function seedDatabase(db: Db): SeedResult {
  const terms = seedTaxonomies(db);
  const imported = seedLivreBlanc(db);
  return { terms, livreBlanc: imported && { fiches: imported.created.length, acteurs: imported.acteursCreated.length } };
}

import { TAXONOMIES, taxonomyTerm } from "./schema";
import { TAXONOMY_SEED } from "./taxonomies";
import { seedLivreBlanc } from "@/server/importer/seed";
import type { Db } from "./client";

/**
 * Inserts the taxonomies' terms that are missing. Terms already present are left untouched,
 * so that an admin's edits survive every restart.
 */
export function seedTaxonomies(db: Db): number {
  let inserted = 0;
  db.transaction((tx) => {
    for (const taxonomy of TAXONOMIES) {
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

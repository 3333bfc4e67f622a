import { TAXONOMIES, taxonomyTerm } from "./schema";
import { TAXONOMY_SEED } from "./taxonomies";
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

/** Brings an empty or existing database to the state the wiki needs to start. */
export function seedDatabase(db: Db): { terms: number } {
  return { terms: seedTaxonomies(db) };
}

import { count, eq } from "drizzle-orm";
import { taxonomyTerm } from "./schema";
import { TAXONOMIES } from "@/lib/taxonomy/values";
import { TAXONOMY_SEED } from "./taxonomies";
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

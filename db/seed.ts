import { and, count, eq } from "drizzle-orm";
import { taxonomyTerm } from "./schema";
import { TAXONOMIES } from "@/lib/taxonomy/values";
import { TAXONOMY_SEED, TERM_SEED_FIXES } from "./taxonomies";
import type { Db } from "./client";

/**
 * Gives each taxonomy that has no term yet the Livre blanc's terms. A taxonomy that has terms is
 * left untouched, so that an admin's edits, deletions included, survive every restart; only a
 * label or description still as an earlier seed wrote it takes the seed's correction (TERM_SEED_FIXES).
 */
export function seedTaxonomies(db: Db): number {
  let inserted = 0;
  db.transaction((tx) => {
    // The search index leaves objectifs out (server/search/documents.ts): a fixed objectif label needs no re-indexing.
    for (const fix of TERM_SEED_FIXES) {
      const term = TAXONOMY_SEED[fix.taxonomy].find((t) => t.slug === fix.slug);
      if (!term) continue;
      const column = taxonomyTerm[fix.field];
      tx.update(taxonomyTerm)
        .set({ [fix.field]: term[fix.field] })
        .where(and(eq(taxonomyTerm.taxonomy, fix.taxonomy), eq(taxonomyTerm.slug, fix.slug), eq(column, fix.from)))
        .run();
    }
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

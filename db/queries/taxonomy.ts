import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { taxonomyTerm, type TaxonomyTerm } from "../schema";
import type { Taxonomy } from "@/lib/taxonomy/values";

/** The terms of one taxonomy in their display order. */
export function listTermsByTaxonomy(db: Db, taxonomy: Taxonomy): TaxonomyTerm[] {
  return db
    .select()
    .from(taxonomyTerm)
    .where(eq(taxonomyTerm.taxonomy, taxonomy))
    .orderBy(asc(taxonomyTerm.position), asc(taxonomyTerm.label))
    .all();
}

/** Every term of every taxonomy, in display order. */
export function listAllTerms(db: Db): TaxonomyTerm[] {
  return db.select().from(taxonomyTerm).orderBy(asc(taxonomyTerm.taxonomy), asc(taxonomyTerm.position)).all();
}

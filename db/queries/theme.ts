import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { acteur, acteurTheme, taxonomyTerm, type TaxonomyTerm } from "../schema";

/** The theme with this slug, or null. */
export function getThemeBySlug(db: Db, slug: string): TaxonomyTerm | null {
  return db.select().from(taxonomyTerm).where(and(eq(taxonomyTerm.taxonomy, "theme"), eq(taxonomyTerm.slug, slug))).get() ?? null;
}

/** The acteurs that work on a theme, by name. */
export function listActeursByTheme(db: Db, themeId: number): { id: number; slug: string; nom: string; typologie: string }[] {
  return db
    .select({ id: acteur.id, slug: acteur.slug, nom: acteur.nom, typologie: acteur.typologie })
    .from(acteurTheme)
    .innerJoin(acteur, eq(acteur.id, acteurTheme.acteurId))
    .where(eq(acteurTheme.termId, themeId))
    .orderBy(asc(acteur.nom))
    .all();
}

import { asc, count, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { acteur, fiche, ficheTerm, lieu, taxonomyTerm, user } from "../schema";
import type { FicheType } from "@/lib/fiche/values";
import { countPublishedFichesByType, isListed } from "./fiche";

/** The real counts shown on the home page; fiches count only when published. */
export function countHome(db: Db): { acteurs: number; lieux: number; contributeurs: number; fiches: Record<FicheType, number> } {
  return {
    acteurs: db.select({ n: count() }).from(acteur).get()!.n,
    lieux: db.select({ n: count() }).from(lieu).get()!.n,
    contributeurs: db.select({ n: count() }).from(user).get()!.n,
    fiches: countPublishedFichesByType(db),
  };
}

export type ThemeWithCount = { slug: string; label: string; fiches: number };

/**
 * Every theme in display order with how many listed fiches it has, suggested or confirmed: the
 * total its theme page opens with.
 */
export function listThemesWithFicheCounts(db: Db): ThemeWithCount[] {
  const listed = db
    .select({ termId: ficheTerm.termId, n: count().as("n") })
    .from(ficheTerm)
    .innerJoin(fiche, eq(fiche.id, ficheTerm.ficheId))
    .where(isListed())
    .groupBy(ficheTerm.termId)
    .as("listed");
  return db
    .select({ slug: taxonomyTerm.slug, label: taxonomyTerm.label, fiches: sql<number>`coalesce(${listed.n}, 0)` })
    .from(taxonomyTerm)
    .leftJoin(listed, eq(listed.termId, taxonomyTerm.id))
    .where(eq(taxonomyTerm.taxonomy, "theme"))
    .orderBy(asc(taxonomyTerm.position), asc(taxonomyTerm.label))
    .all();
}

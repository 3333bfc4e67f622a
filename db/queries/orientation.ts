import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { fiche, ficheTerm, taxonomyTerm } from "../schema";
import { ficheSummaryColumns, withThemes, type FicheSummary } from "./fiche";

function termMatches(taxonomy: "theme" | "public", slugs: string[]) {
  // Not a bare 0: in ORDER BY, SQLite reads an integer literal as a column number.
  if (!slugs.length) return sql<number>`(select 0)`;
  return sql<number>`(select count(*) from ${ficheTerm} join ${taxonomyTerm} on ${taxonomyTerm.id} = ${ficheTerm.termId}
    where ${ficheTerm.ficheId} = ${fiche.id} and ${taxonomyTerm.taxonomy} = ${taxonomy} and ${inArray(taxonomyTerm.slug, slugs)})`;
}

/**
 * Published fiches classed under one of the need's themes or naming one of the person's publics:
 * those on the theme first, then those sharing the most publics, then the newest. Hidden and
 * merged fiches are never shown.
 */
export function listFichesForNeed(db: Db, themeSlugs: string[], publicSlugs: string[], limit = 5): FicheSummary[] {
  if (!themeSlugs.length && !publicSlugs.length) return [];
  const themeMatches = termMatches("theme", themeSlugs);
  const publicMatches = termMatches("public", publicSlugs);
  const rows = db
    .select(ficheSummaryColumns)
    .from(fiche)
    .where(and(eq(fiche.statut, "publiee"), eq(fiche.masquee, false), isNull(fiche.redirectToId), sql`(${themeMatches} > 0 or ${publicMatches} > 0)`))
    .orderBy(desc(sql`${themeMatches} > 0`), desc(publicMatches), desc(fiche.createdAt), desc(fiche.id))
    .limit(limit)
    .all();
  return withThemes(db, rows);
}

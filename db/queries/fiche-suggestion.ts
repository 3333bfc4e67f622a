import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { fiche } from "../schema";
import type { FicheType } from "@/lib/fiche/values";
import { searchFold } from "./acteur";

/** A fiche as the catalogue editor's picker offers it. */
export type FicheSuggestion = { id: number; slug: string; titre: string; type: FicheType };

/**
 * Published fiches whose title holds every word of the query, accents and case ignored ("media
 * senior" finds "Médiathèque : ateliers seniors"), titles starting with it first; at most `limit`.
 * Hidden and merged fiches are left out.
 */
export function searchFicheSuggestions(db: Db, query: string, limit = 10): FicheSuggestion[] {
  const folded = searchFold(query);
  const words = folded.split(" ").filter(Boolean).slice(0, 8);
  if (words.length === 0) return [];
  // SQLite's LIKE does not fold accents; published titles are few enough to scan.
  const rows = db
    .select({ id: fiche.id, slug: fiche.slug, titre: fiche.titre, type: fiche.type })
    .from(fiche)
    .where(and(eq(fiche.statut, "publiee"), eq(fiche.masquee, false), isNull(fiche.redirectToId)))
    .orderBy(desc(fiche.contentUpdatedAt), desc(fiche.id))
    .all();
  const starts: FicheSuggestion[] = [];
  const contains: FicheSuggestion[] = [];
  for (const row of rows) {
    const titre = searchFold(row.titre);
    if (!words.every((w) => titre.includes(w))) continue;
    (titre.startsWith(folded) ? starts : contains).push(row);
    if (starts.length >= limit) break;
  }
  return [...starts, ...contains].slice(0, limit);
}

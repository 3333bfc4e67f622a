import type { Db } from "@/db/client";
import type { SearchKind } from "@/db/schema";
import type { SearchFilters } from "@/lib/search/params";
import { FACETS_OF_KIND, facetToken, headColumns, SEARCH_TABLES, statement, textColumns } from "./tables";

/**
 * Above this many candidates of one kind, bm25 is computed for a bounded set only. A query made
 * of very common words ("numérique" is in most fiches) would otherwise score every fiche to
 * keep twenty, and such words weigh almost nothing in bm25 anyway (their idf is near zero).
 */
export const RANK_CAP = 2000;

export type Ranked = { kind: SearchKind; id: number; score: number };

/** The user's expression restricted to the text columns of a kind (never the filter tokens). */
export function textMatch(kind: SearchKind, expression: string): string {
  return `${textColumns(kind)} : (${expression})`;
}

/** The ids (ascending) of the documents of a kind an FTS5 expression matches. */
export function matchingIds(db: Db, kind: SearchKind, match: string): number[] {
  const fts = SEARCH_TABLES[kind].fts;
  return statement(db, `SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?`).pluck().all(match) as number[];
}

// The filters as FTS5 terms on the facettes column: the filtered set is then one match, which
// bm25 can score without visiting the matches that the filters exclude.
function filterMatch(kind: SearchKind, filters: SearchFilters): string {
  return FACETS_OF_KIND[kind]
    .filter((facet) => filters[facet].length > 0)
    .map((facet) => `{facettes} : (${filters[facet].map((value) => `"${facetToken(facet, value)}"`).join(" OR ")})`)
    .join(" AND ");
}

function scoreFrom(db: Db, kind: SearchKind, match: string, fromId: number): Ranked[] {
  const fts = SEARCH_TABLES[kind].fts;
  const rows = statement(db, `SELECT rowid, rank FROM ${fts} WHERE ${fts} MATCH ? AND rowid >= ?`).raw().all(match, fromId) as [number, number][];
  return rows.map(([id, score]) => ({ kind, id, score }));
}

/** Best first: lower bm25 rank, then the more recent document. */
export function compareRanked(a: Ranked, b: Ranked): number {
  return a.score - b.score || b.id - a.id;
}

/**
 * Ranks the candidates of a kind (ids ascending, filters already applied) by bm25, title ≫
 * fields > body. Beyond RANK_CAP candidates, only two bounded sets are scored: the RANK_CAP most
 * recent candidates, and the RANK_CAP most recent of those that match in their title or fields.
 */
export function rankCandidates(db: Db, kind: SearchKind, expression: string, filters: SearchFilters, candidates: number[]): { ranked: Ranked[]; bounded: boolean } {
  if (candidates.length === 0) return { ranked: [], bounded: false };
  const filter = filterMatch(kind, filters);
  const withFilter = (match: string) => (filter ? `${match} AND ${filter}` : match);
  const full = withFilter(textMatch(kind, expression));
  if (candidates.length <= RANK_CAP) return { ranked: scoreFrom(db, kind, full, candidates[0]).sort(compareRanked), bounded: false };

  const recent = scoreFrom(db, kind, full, candidates[candidates.length - RANK_CAP]);
  const headMatch = withFilter(`${headColumns(kind)} : (${expression})`);
  const headIds = matchingIds(db, kind, headMatch);
  const head = headIds.length > 0 ? scoreFrom(db, kind, headMatch, headIds[Math.max(0, headIds.length - RANK_CAP)]) : [];
  const best = new Map<number, Ranked>();
  for (const item of [...head, ...recent]) {
    const known = best.get(item.id);
    if (!known || item.score < known.score) best.set(item.id, item);
  }
  return { ranked: [...best.values()].sort(compareRanked), bounded: true };
}

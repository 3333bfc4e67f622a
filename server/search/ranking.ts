import type { Db } from "@/db/client";
import type { SearchKind } from "@/db/schema";
import type { SearchFilters } from "@/lib/search/params";
import { FACETS_OF_KIND, facetToken, headColumns, rowid, SEARCH_TABLES, statement, textColumns } from "./tables";

/**
 * The size of the bounded sets ranked for a very common query, which is one with more than
 * three times as many candidates of a kind: below, scoring them all costs about as much as two
 * bounded sets. A query made of very common words ("numérique" is in most fiches) would otherwise
 * score every fiche to keep twenty, and such words weigh almost nothing in bm25 anyway (their idf
 * is near zero).
 */
export const RANK_BOUND = 2000;

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

// SQLite's own top-N sort (ORDER BY rank, rowid) costs less than FTS5's ORDER BY rank path, and
// far less than handing every scored row to JavaScript.
function topFrom(db: Db, kind: SearchKind, match: string, fromId: number, limit: number): Ranked[] {
  const fts = SEARCH_TABLES[kind].fts;
  const rows = statement(db, `SELECT rowid, rank FROM ${fts} WHERE ${fts} MATCH ? AND rowid >= ? ORDER BY rank, rowid DESC LIMIT ?`)
    .raw()
    .all(match, rowid(fromId), limit) as [number, number][];
  return rows.map(([id, score]) => ({ kind, id, score }));
}

/** Best first: lower bm25 rank, then the more recent document. */
export function compareRanked(a: Ranked, b: Ranked): number {
  return a.score - b.score || b.id - a.id;
}

export type Ranking = {
  /** The best `limit` candidates, best first. */
  ranked: Ranked[];
  /** How many candidates the ranking orders, beyond `limit`: all of them, or the bounded sets. */
  available: number;
  bounded: boolean;
};

/**
 * Ranks the candidates of a kind (ids ascending, filters already applied) by bm25, title ≫
 * fields > body, and returns the best `limit`. Beyond 3 × `bound` candidates, only two bounded
 * sets are scored: the `bound` most recent candidates, and the `bound` most recent of those that
 * match in their title or fields.
 */
export function rankCandidates(
  db: Db,
  kind: SearchKind,
  expression: string,
  filters: SearchFilters,
  candidates: number[],
  limit: number,
  bound = RANK_BOUND,
): Ranking {
  if (candidates.length === 0) return { ranked: [], available: 0, bounded: false };
  const filter = filterMatch(kind, filters);
  const withFilter = (match: string) => (filter ? `${match} AND ${filter}` : match);
  const full = withFilter(textMatch(kind, expression));
  if (candidates.length <= 3 * bound) {
    return { ranked: topFrom(db, kind, full, candidates[0], limit), available: candidates.length, bounded: false };
  }

  const recentFrom = candidates[candidates.length - bound];
  const recent = topFrom(db, kind, full, recentFrom, limit);
  const headMatch = withFilter(`${headColumns(kind)} : (${expression})`);
  const headIds = matchingIds(db, kind, headMatch).slice(-bound);
  const head = headIds.length > 0 ? topFrom(db, kind, headMatch, headIds[0], limit) : [];
  const best = new Map<number, Ranked>();
  for (const item of [...head, ...recent]) {
    const known = best.get(item.id);
    if (!known || item.score < known.score) best.set(item.id, item);
  }
  const overlap = headIds.filter((id) => id >= recentFrom).length;
  return { ranked: [...best.values()].sort(compareRanked).slice(0, limit), available: bound + headIds.length - overlap, bounded: true };
}

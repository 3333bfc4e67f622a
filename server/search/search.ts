import type { Db } from "@/db/client";
import { SEARCH_KINDS, type SearchKind } from "@/db/schema";
import { toMatchExpression, type ParsedQuery } from "@/lib/search/french";
import { parseStemmedQuery } from "@/lib/search/stemmer";
import { emptyFilters, SEARCH_PAGE_MAX, type SearchFilters } from "@/lib/search/params";
import { getSearchCatalog, selectMatches, type SearchCatalog, type Selection } from "./catalog";
import { correctedText, correctQuery } from "./correction";
import { compareRanked, matchingIds, RANK_BOUND, rankCandidates, textMatch, type Ranked } from "./ranking";
import { expandSynonyms } from "./synonyms";
import { completePrefixes } from "./vocabulary";
import { describeFacets, loadResults, type FacetGroup, type SearchResult } from "./results";

export type SearchOptions = {
  q: string;
  filters?: SearchFilters;
  page?: number;
  pageSize?: number;
  /** The size of the bounded ranking sets (ranking.ts); the benchmark compares with Infinity, tests use a small one. */
  rankBound?: number;
};

export type SearchOutcome = {
  q: string;
  filters: SearchFilters;
  results: SearchResult[];
  /** Documents that match the query and every filter. */
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  facets: FacetGroup[];
  /** Set when nothing matched as typed and close words were searched instead. */
  correction: { text: string } | null;
  /** Set when the query was so common that only a bounded set of matches was ranked (see ranking.ts). */
  bounded: boolean;
};

type Attempt = { expression: string; selection: Selection; matched: number };

function attempt(db: Db, catalog: SearchCatalog, query: ParsedQuery, filters: SearchFilters): Attempt | null {
  const expression = toMatchExpression(expandSynonyms(db, completePrefixes(db, query)));
  if (!expression) return null;
  const matches = Object.fromEntries(SEARCH_KINDS.map((kind) => [kind, matchingIds(db, kind, textMatch(kind, expression))])) as Record<SearchKind, number[]>;
  return { expression, selection: selectMatches(catalog, matches, filters), matched: matches.fiche.length + matches.acteur.length };
}

/**
 * Searches fiches and acteurs: ranked results (bm25, title ≫ fields > body) with highlighted
 * excerpts, facet counts in which each facet counts with the other facets' filters applied, and
 * a corrected search when a short query finds nothing. Synonym groups (synonyms.ts) widen the query.
 */
export function searchWiki(db: Db, { q, filters = emptyFilters(), page = 1, pageSize = 20, rankBound = RANK_BOUND }: SearchOptions): SearchOutcome {
  const catalog = getSearchCatalog(db);
  const query = parseStemmedQuery(q);
  let found = attempt(db, catalog, query, filters);
  let correction: ReturnType<typeof correctQuery> = null;
  if (found && found.matched === 0) {
    correction = correctQuery(db, query);
    const retry = correction ? attempt(db, catalog, correction.query, filters) : null;
    if (retry && retry.matched > 0) found = retry;
    else correction = null;
  }
  const outcome: SearchOutcome = { q, filters, results: [], total: 0, page: 1, pageSize, pageCount: 0, facets: [], correction: null, bounded: false };
  if (!found) return outcome;

  const { candidates, counts } = found.selection;
  const limit = Math.min(Math.max(1, page), SEARCH_PAGE_MAX) * pageSize;
  const ranked: Ranked[] = [];
  let available = 0;
  for (const kind of SEARCH_KINDS) {
    const ranking = rankCandidates(db, kind, found.expression, filters, candidates[kind], limit, rankBound);
    ranked.push(...ranking.ranked);
    available += ranking.available;
    outcome.bounded ||= ranking.bounded;
  }
  ranked.sort(compareRanked);
  outcome.total = candidates.fiche.length + candidates.acteur.length;
  outcome.pageCount = Math.min(Math.ceil(available / pageSize), SEARCH_PAGE_MAX);
  outcome.page = Math.min(Math.max(1, page), Math.max(1, outcome.pageCount));
  outcome.results = loadResults(db, ranked.slice((outcome.page - 1) * pageSize, outcome.page * pageSize), found.expression);
  outcome.facets = describeFacets(db, catalog, counts, filters);
  if (correction) outcome.correction = { text: correctedText(q, correction.words, outcome.results.flatMap((r) => r.matchedWords)) };
  return outcome;
}

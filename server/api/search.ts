import type { Db } from "@/db/client";
import { emptyFilters, SEARCH_FACETS, type SearchFacet } from "@/lib/search/params";
import { publicUrl } from "@/server/config";
import { searchWiki, type SearchResult } from "@/server/search";

export type SearchQuery = { q: string; page: number; per_page: number } & Partial<Record<SearchFacet, string[]>>;

// The search shows what the public sees (published fiches, never hidden ones, and acteurs),
// whatever the token: drafts are found through GET /api/v1/fiches?statut=brouillon.
function resultResource(result: SearchResult) {
  return {
    kind: result.kind,
    id: result.id,
    slug: result.href.split("/").pop()!,
    title: result.title,
    titleHtml: result.titleHtml,
    excerptHtml: result.excerptHtml,
    typeLabel: result.typeLabel,
    url: `${publicUrl()}${result.href}`,
  };
}

/** One page of the wiki's search for the API, with its facets and the corrected query when one was used. */
export function searchForApi(db: Db, query: SearchQuery) {
  const filters = emptyFilters();
  for (const facet of SEARCH_FACETS) filters[facet] = query[facet] ?? [];
  const outcome = searchWiki(db, { q: query.q, filters, page: query.page, pageSize: query.per_page });
  // searchWiki shows the last page for a page past it; the API answers such a page empty.
  const items = outcome.page === query.page ? outcome.results.map(resultResource) : [];
  return {
    items,
    page: query.page,
    perPage: query.per_page,
    total: outcome.total,
    pageCount: outcome.pageCount,
    correction: outcome.correction?.text ?? null,
    bounded: outcome.bounded,
    facets: outcome.facets.map((group) => ({ facet: group.facet, label: group.label, options: group.options })),
  };
}

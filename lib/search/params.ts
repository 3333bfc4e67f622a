import { z } from "@/lib/schemas/zod";

/** The facets of the search page, in the order they are shown; each is also a URL parameter. */
export const SEARCH_FACETS = ["type", "theme", "public", "enjeu", "commune", "categorie", "etat", "reprise"] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

/** Selected values per facet: within a facet any value may match, across facets all must. */
export type SearchFilters = Record<SearchFacet, string[]>;

export const SEARCH_QUERY_MAX = 200;
export const SEARCH_PAGE_MAX = 50;
const VALUES_MAX = 20;

export function emptyFilters(): SearchFilters {
  return { type: [], theme: [], public: [], enjeu: [], commune: [], categorie: [], etat: [], reprise: [] };
}

const asList = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
// Values are slugs or enum keys; anything else is dropped so that a hand-edited link still searches.
const values = z.preprocess(
  (v) => [...new Set(asList(v).filter((s): s is string => typeof s === "string" && /^[a-z0-9_-]{1,100}$/.test(s)))].slice(0, VALUES_MAX),
  z.array(z.string()),
);

/** The search page's URL parameters, read leniently. */
export const searchParamsSchema = z.object({
  q: z.preprocess((v) => {
    const first = asList(v)[0];
    return typeof first === "string" ? first.trim().slice(0, SEARCH_QUERY_MAX) : "";
  }, z.string()),
  page: z.preprocess((v) => asList(v)[0], z.coerce.number().int().min(1).max(SEARCH_PAGE_MAX).catch(1)),
  type: values,
  theme: values,
  public: values,
  enjeu: values,
  commune: values,
  categorie: values,
  etat: values,
  reprise: values,
});

export type SearchParams = { q: string; page: number; filters: SearchFilters };

/** Reads a search from URL parameters (Next's searchParams or URLSearchParams turned into an object). */
export function parseSearchParams(raw: Record<string, string | string[] | undefined>): SearchParams {
  const parsed = searchParamsSchema.parse(raw);
  const filters = emptyFilters();
  for (const facet of SEARCH_FACETS) filters[facet] = parsed[facet];
  return { q: parsed.q, page: parsed.page, filters };
}

/** Whether any facet value is selected. */
export function hasFilters(filters: SearchFilters): boolean {
  return SEARCH_FACETS.some((facet) => filters[facet].length > 0);
}

/** The shareable URL of a search; page 1 and empty facets are left out. */
export function searchUrl({ q, filters, page = 1 }: { q: string; filters?: SearchFilters; page?: number }): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  for (const facet of SEARCH_FACETS) for (const value of filters?.[facet] ?? []) params.append(facet, value);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/recherche?${query}` : "/recherche";
}

/** The same filters with one value removed. */
export function withoutFilter(filters: SearchFilters, facet: SearchFacet, value: string): SearchFilters {
  return { ...filters, [facet]: filters[facet].filter((v) => v !== value) };
}

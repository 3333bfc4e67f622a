import type Database from "better-sqlite3";
import type { Db } from "@/db/client";
import { SEARCH_KINDS, type SearchKind } from "@/db/schema";
import { SEARCH_FACETS, type SearchFacet, type SearchFilters } from "@/lib/search/params";
import { statement } from "./tables";

/**
 * The facet values of every indexed document, held in memory: counting facets over tens of
 * thousands of matches is then a loop over small integer arrays instead of as many joins. Each
 * process keeps its own copy and catches up from search_entry by sequence number before every
 * search. Facet values are interned: a document holds the ids of its values.
 */
export type SearchCatalog = {
  seq: number;
  /** Per kind, indexed by document id: the ids of the document's facet values. */
  docs: Record<SearchKind, (Int32Array | undefined)[]>;
  /** Value id → its facet (index in SEARCH_FACETS) and its URL key. */
  facetOf: number[];
  keyOf: string[];
  /** Per facet (index in SEARCH_FACETS), URL key → value id. */
  ids: Map<string, number>[];
  /** Commune key → the name as written, for the facet's labels. */
  communes: Map<string, string>;
};

const catalogs = new WeakMap<Database.Database, SearchCatalog>();

function emptyCatalog(): SearchCatalog {
  return { seq: 0, docs: { fiche: [], acteur: [] }, facetOf: [], keyOf: [], ids: SEARCH_FACETS.map(() => new Map()), communes: new Map() };
}

function valueId(catalog: SearchCatalog, facet: number, key: string): number {
  let id = catalog.ids[facet].get(key);
  if (id === undefined) {
    id = catalog.keyOf.length;
    catalog.ids[facet].set(key, id);
    catalog.facetOf.push(facet);
    catalog.keyOf.push(key);
  }
  return id;
}

/** This connection's catalogue, brought up to date with the index. */
export function getSearchCatalog(db: Db): SearchCatalog {
  let catalog = catalogs.get(db.$client);
  const seq = statement(db, "SELECT coalesce(max(seq), 0) FROM search_entry").pluck().get() as number;
  // A lower sequence means another database behind the same connection object: start again.
  if (!catalog || seq < catalog.seq) {
    catalog = emptyCatalog();
    catalogs.set(db.$client, catalog);
  }
  if (seq === catalog.seq) return catalog;
  const rows = statement(db, "SELECT kind, doc_id, indexed, facets, communes FROM search_entry WHERE seq > ? ORDER BY seq")
    .raw()
    .all(catalog.seq) as [SearchKind, number, number, string, string][];
  for (const [kind, id, indexed, facets, communes] of rows) {
    if (!indexed) {
      catalog.docs[kind][id] = undefined;
      continue;
    }
    const parsed = JSON.parse(facets) as Partial<Record<SearchFacet, string[]>>;
    const values: number[] = [];
    SEARCH_FACETS.forEach((facet, f) => {
      for (const key of parsed[facet] ?? []) values.push(valueId(catalog, f, key));
    });
    catalog.docs[kind][id] = Int32Array.from(values);
    const names = JSON.parse(communes) as string[];
    (parsed.commune ?? []).forEach((key, i) => {
      if (names[i]) catalog.communes.set(key, names[i]);
    });
  }
  catalog.seq = seq;
  return catalog;
}

export type FacetCounts = Record<SearchFacet, Map<string, number>>;

export type Selection = {
  /** Matches that pass every filter, in the order given. */
  candidates: Record<SearchKind, number[]>;
  /** For each facet, the matches per value among those that pass every other facet's filter. */
  counts: FacetCounts;
};

/**
 * Applies the filters to the matches and counts each facet's values with the other facets'
 * filters applied, so that ticking a value shows as many results as its count said.
 */
export function selectMatches(catalog: SearchCatalog, matches: Record<SearchKind, number[]>, filters: SearchFilters): Selection {
  const { facetOf } = catalog;
  const selected = new Uint8Array(facetOf.length);
  let active = 0;
  SEARCH_FACETS.forEach((facet, f) => {
    if (filters[facet].length === 0) return;
    active |= 1 << f;
    for (const key of filters[facet]) {
      const id = catalog.ids[f].get(key);
      if (id !== undefined) selected[id] = 1;
    }
  });
  const tally = new Int32Array(facetOf.length);
  const candidates: Record<SearchKind, number[]> = { fiche: [], acteur: [] };
  for (const kind of SEARCH_KINDS) {
    const docs = catalog.docs[kind];
    const kept = candidates[kind];
    for (const id of matches[kind]) {
      const values = docs[id];
      if (!values) continue;
      let satisfied = 0;
      if (active !== 0) for (const v of values) if (selected[v]) satisfied |= 1 << facetOf[v];
      const missing = active & ~satisfied;
      if (missing === 0) {
        kept.push(id);
        for (const v of values) tally[v]++;
      } else if ((missing & (missing - 1)) === 0) {
        // Only one facet's filter excludes it: it still counts for that facet's values.
        for (const v of values) if (1 << facetOf[v] === missing) tally[v]++;
      }
    }
  }
  const counts = Object.fromEntries(SEARCH_FACETS.map((facet) => [facet, new Map<string, number>()])) as FacetCounts;
  tally.forEach((count, v) => {
    if (count > 0) counts[SEARCH_FACETS[facetOf[v]]].set(catalog.keyOf[v], count);
  });
  return { candidates, counts };
}

import type Database from "better-sqlite3";
import type { Db } from "@/db/client";
import { SEARCH_KINDS, type SearchKind } from "@/db/schema";
import { SEARCH_FACETS, type SearchFacet, type SearchFilters } from "@/lib/search/params";
import { statement } from "./tables";

type Facets = Partial<Record<SearchFacet, string[]>>;

/**
 * The facet values of every indexed document, held in memory: counting facets over tens of
 * thousands of matches is then a loop over arrays instead of as many joins. Each process keeps
 * its own copy and catches up from search_entry by sequence number before every search.
 */
export type SearchCatalog = {
  seq: number;
  docs: Record<SearchKind, Map<number, Facets>>;
  /** Commune key → the name as written, for the facet's labels. */
  communes: Map<string, string>;
};

const catalogs = new WeakMap<Database.Database, SearchCatalog>();

function emptyCatalog(): SearchCatalog {
  return { seq: 0, docs: { fiche: new Map(), acteur: new Map() }, communes: new Map() };
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
      catalog.docs[kind].delete(id);
      continue;
    }
    const parsed = JSON.parse(facets) as Facets;
    catalog.docs[kind].set(id, parsed);
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
  const active = SEARCH_FACETS.filter((facet) => filters[facet].length > 0);
  const wanted = new Map(active.map((facet) => [facet, new Set(filters[facet])]));
  const counts = Object.fromEntries(SEARCH_FACETS.map((facet) => [facet, new Map<string, number>()])) as FacetCounts;
  const candidates: Record<SearchKind, number[]> = { fiche: [], acteur: [] };
  const add = (facet: SearchFacet, values: string[] | undefined) => {
    const map = counts[facet];
    for (const value of values ?? []) map.set(value, (map.get(value) ?? 0) + 1);
  };
  for (const kind of SEARCH_KINDS) {
    const docs = catalog.docs[kind];
    for (const id of matches[kind]) {
      const facets = docs.get(id);
      if (!facets) continue;
      let failed: SearchFacet | null = null;
      let failures = 0;
      for (const facet of active) {
        const values = facets[facet];
        const set = wanted.get(facet)!;
        if (!values || !values.some((v) => set.has(v))) {
          failed = facet;
          if (++failures > 1) break;
        }
      }
      if (failures === 0) {
        candidates[kind].push(id);
        for (const facet of SEARCH_FACETS) add(facet, facets[facet]);
      } else if (failures === 1) {
        add(failed!, facets[failed!]);
      }
    }
  }
  return { candidates, counts };
}

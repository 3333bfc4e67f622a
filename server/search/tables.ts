import type Database from "better-sqlite3";
import type { Db } from "@/db/client";
import type { SearchKind } from "@/db/schema";
import type { SearchFacet } from "@/lib/search/params";

/** How each kind of document is laid out in its FTS5 table and its content table. */
export const SEARCH_TABLES = {
  fiche: {
    fts: "search_fiche",
    vocab: "search_fiche_vocab",
    doc: "search_fiche_doc",
    id: "fiche_id",
    columns: ["titre", "champs", "corps"],
    indexColumns: ["titre_index", "champs_index", "corps_index"],
  },
  acteur: {
    fts: "search_acteur",
    vocab: "search_acteur_vocab",
    doc: "search_acteur_doc",
    id: "acteur_id",
    columns: ["nom", "champs", "description"],
    indexColumns: ["nom_index", "champs_index", "description_index"],
  },
} as const satisfies Record<SearchKind, unknown>;

/** The facets a kind of document can have values for; a filter on another facet excludes it. */
export const FACETS_OF_KIND: Record<SearchKind, readonly SearchFacet[]> = {
  fiche: ["type", "theme", "public", "enjeu", "commune", "etat", "reprise"],
  acteur: ["type", "theme", "commune", "categorie"],
};

/** The token that stands for a facet value in the `facettes` column: letters and digits only. */
export function facetToken(facet: SearchFacet, value: string): string {
  return `f${facet}${value.replace(/[^a-z0-9]/g, "")}`;
}

/** The `facettes` text of a document. */
export function facetTokens(facets: Partial<Record<SearchFacet, string[]>>): string {
  return Object.entries(facets)
    .flatMap(([facet, values]) => (values ?? []).map((value) => facetToken(facet as SearchFacet, value)))
    .join(" ");
}

/** User terms may only match these columns, never the filter tokens. */
export function textColumns(kind: SearchKind): string {
  return `{${SEARCH_TABLES[kind].columns.join(" ")}}`;
}

/** The title and descriptive fields, without the body. */
export function headColumns(kind: SearchKind): string {
  return `{${SEARCH_TABLES[kind].columns.slice(0, 2).join(" ")}}`;
}

/**
 * A rowid to bind against an FTS5 table's rowid. better-sqlite3 binds a JS number as a REAL, and
 * FTS5 (3.53) silently drops a `rowid = ?` constraint whose value is not an INTEGER, returning
 * every match; a BigInt is bound as an INTEGER.
 */
export function rowid(id: number): bigint {
  return BigInt(id);
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement, kept per connection: search runs the same few statements all the time. */
export function statement(db: Db, source: string): Database.Statement {
  let cache = statements.get(db.$client);
  if (!cache) {
    cache = new Map();
    statements.set(db.$client, cache);
  }
  let prepared = cache.get(source);
  if (!prepared) {
    prepared = db.$client.prepare(source);
    cache.set(source, prepared);
  }
  return prepared;
}

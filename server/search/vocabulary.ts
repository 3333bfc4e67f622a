import type { Db } from "@/db/client";
import { SEARCH_KINDS } from "@/db/schema";
import { FOLDING_ONLY, type ParsedQuery } from "@/lib/search/french";
import { SEARCH_TABLES, statement } from "./tables";

// What the fts5vocab views say about the indexed stems of both indexes, filter tokens left out.
// Stems are letters and digits, so `prefix + "{"` bounds every stem that starts with prefix.

/** Whether this exact stem is indexed. */
export function isIndexedStem(db: Db, stem: string): boolean {
  return SEARCH_KINDS.some(
    (kind) => statement(db, `SELECT 1 FROM ${SEARCH_TABLES[kind].vocab} WHERE term = ? AND col <> 'facettes' LIMIT 1`).get(stem) !== undefined,
  );
}

/** Up to `limit` + 1 indexed stems that start with a prefix. */
export function stemsWithPrefix(db: Db, prefix: string, limit: number): string[] {
  const stems = new Set<string>();
  for (const kind of SEARCH_KINDS) {
    const rows = statement(db, `SELECT DISTINCT term FROM ${SEARCH_TABLES[kind].vocab} WHERE term >= ? AND term < ? AND col <> 'facettes' LIMIT ?`)
      .pluck()
      .all(prefix, `${prefix}{`, limit + 1) as string[];
    for (const stem of rows) stems.add(stem);
  }
  return [...stems].slice(0, limit + 1);
}

/** Indexed stems that start with a letter, with the number of documents (per column) holding each. */
export function stemsStartingWith(db: Db, letter: string): Map<string, number> {
  const next = String.fromCharCode(letter.charCodeAt(0) + 1);
  const docs = new Map<string, number>();
  for (const kind of SEARCH_KINDS) {
    const rows = statement(db, `SELECT term, sum(doc) FROM ${SEARCH_TABLES[kind].vocab} WHERE term >= ? AND term < ? AND col <> 'facettes' GROUP BY term`)
      .raw()
      .all(letter, next) as [string, number][];
    for (const [term, count] of rows) docs.set(term, (docs.get(term) ?? 0) + count);
  }
  return docs;
}

// Beyond this many, the prefix query itself is cheaper than the alternatives (and short
// prefixes have their own FTS5 prefix index).
const MAX_COMPLETIONS = 24;

/**
 * The query with its prefix word replaced by the indexed stems it stands for, when they are few:
 * FTS5 merges all the doclists of a prefix at every statement that uses it (the count, the
 * ranking, each excerpt), and seeks straight into an exact term's.
 */
export function completePrefixes(db: Db, query: ParsedQuery): ParsedQuery {
  return {
    ...query,
    terms: query.terms.map((term) => {
      if (!term.prefix) return term;
      const stems = new Set<string>();
      const typed = term.typed ?? FOLDING_ONLY.typedForms(term.words[term.words.length - 1]);
      for (const form of typed.starts) {
        for (const stem of stemsWithPrefix(db, form, MAX_COMPLETIONS)) stems.add(stem);
        if (stems.size > MAX_COMPLETIONS) return term;
      }
      for (const stem of typed.stems) if (isIndexedStem(db, stem)) stems.add(stem);
      return { ...term, completions: [...stems].sort() };
    }),
  };
}

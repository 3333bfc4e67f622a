import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { acteur, acteurTheme, fiche, ficheTerm, searchState, type SearchKind } from "@/db/schema";
import { cleanDisplayText, toMatchExpression } from "@/lib/search/french";
import { parseStemmedQuery, STEMMER_VERSION, stemmedText } from "@/lib/search/stemmer";
import { buildActeurDocument, buildFicheDocument, listFicheIdsOfActeur, type SearchDocument } from "./documents";
import { facetTokens, rowid, SEARCH_TABLES, statement } from "./tables";

// Bump when what a document holds changes (documents.ts), so that ensureSearchIndex rebuilds.
const DOCUMENT_VERSION = 1;
const INDEX_VERSION = `${STEMMER_VERSION}.${DOCUMENT_VERSION}`;

type StoredDocument = { texts: string[]; stems: string[]; facettes: string };

function readStored(db: Db, kind: SearchKind, id: number): StoredDocument | null {
  const t = SEARCH_TABLES[kind];
  const row = statement(db, `SELECT ${[...t.columns, ...t.indexColumns, "facettes"].join(", ")} FROM ${t.doc} WHERE ${t.id} = ?`)
    .raw()
    .get(id) as string[] | undefined;
  if (!row) return null;
  return { texts: row.slice(0, 3), stems: row.slice(3, 6), facettes: row[6] };
}

/** Texts already stemmed (cleaned text → its stems), computed before a write transaction. */
export type Prestemmed = ReadonlyMap<string, string>;

/**
 * Stems texts that a coming write will index, so that the write transaction, which holds the lock
 * the socket's thread appends under, does not stem a whole fiche body (see projectFiche).
 */
export function prestem(texts: readonly string[]): Prestemmed {
  return new Map(texts.map(cleanDisplayText).map((text) => [text, stemmedText(text)]));
}

function toStored(doc: SearchDocument, prestemmed?: Prestemmed): StoredDocument {
  const texts = doc.texts.map(cleanDisplayText);
  return { texts, stems: texts.map((text) => prestemmed?.get(text) ?? stemmedText(text)), facettes: facetTokens(doc.facets) };
}

function sameStored(a: StoredDocument, b: StoredDocument): boolean {
  return a.facettes === b.facettes && a.texts.every((text, i) => text === b.texts[i]);
}

function nextSeq(db: Db): number {
  return (statement(db, "SELECT coalesce(max(seq), 0) + 1 FROM search_entry").pluck().get() as number) ?? 1;
}

/**
 * Records what the facet catalogues (catalog.ts) hold of a document, under a new sequence number
 * that every process catches up from, unless they hold it already: typing changes a fiche's text at
 * each projection, rarely its facets, and a needless new sequence wrote two more pages each time.
 */
function writeEntry(db: Db, kind: SearchKind, id: number, doc: SearchDocument | null): void {
  const entry = [doc ? 1 : 0, JSON.stringify(doc?.facets ?? {}), JSON.stringify(doc?.communes ?? [])] as const;
  const current = statement(db, "SELECT indexed, facets, communes FROM search_entry WHERE kind = ? AND doc_id = ?").raw().get(kind, id) as
    | [number, string, string]
    | undefined;
  if (current && current.every((value, i) => value === entry[i])) return;
  statement(
    db,
    `INSERT INTO search_entry (kind, doc_id, seq, indexed, facets, communes) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (kind, doc_id) DO UPDATE SET seq = excluded.seq, indexed = excluded.indexed, facets = excluded.facets, communes = excluded.communes`,
  ).run(kind, id, nextSeq(db), ...entry);
}

function hasLiveEntry(db: Db, kind: SearchKind, id: number): boolean {
  return statement(db, "SELECT 1 FROM search_entry WHERE kind = ? AND doc_id = ? AND indexed = 1").pluck().get(kind, id) !== undefined;
}

/**
 * Brings the index rows of one document to `doc` (null: out of the index). The FTS5 'delete' is
 * given exactly the stems stored at insertion, as external-content tables require.
 * Returns whether anything was written.
 */
function writeDocument(db: Db, kind: SearchKind, id: number, doc: SearchDocument | null, prestemmed?: Prestemmed): boolean {
  const t = SEARCH_TABLES[kind];
  const previous = readStored(db, kind, id);
  const next = doc ? toStored(doc, prestemmed) : null;
  if (previous && next && sameStored(previous, next) && hasLiveEntry(db, kind, id)) return false;
  if (!previous && !next && !hasLiveEntry(db, kind, id)) return false;
  const ftsColumns = [...t.columns, "facettes"].join(", ");
  if (previous) {
    statement(db, `INSERT INTO ${t.fts} (${t.fts}, rowid, ${ftsColumns}) VALUES ('delete', ?, ?, ?, ?, ?)`).run(rowid(id), ...previous.stems, previous.facettes);
  }
  if (next) {
    statement(
      db,
      `INSERT INTO ${t.doc} (${t.id}, ${[...t.columns, ...t.indexColumns].join(", ")}, facettes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (${t.id}) DO UPDATE SET ${[...t.columns, ...t.indexColumns, "facettes"].map((c) => `${c} = excluded.${c}`).join(", ")}`,
    ).run(id, ...next.texts, ...next.stems, next.facettes);
    statement(db, `INSERT INTO ${t.fts} (rowid, ${ftsColumns}) VALUES (?, ?, ?, ?, ?)`).run(rowid(id), ...next.stems, next.facettes);
  } else if (previous) {
    statement(db, `DELETE FROM ${t.doc} WHERE ${t.id} = ?`).run(id);
  }
  writeEntry(db, kind, id, doc);
  return true;
}

/**
 * (Re)indexes a fiche from its projected row and links: a published fiche is written, any other
 * (draft, archived, hidden, merged, deleted) is removed. Cheap when nothing searchable changed.
 */
export function indexFiche(db: Db, ficheId: number, prestemmed?: Prestemmed): boolean {
  return db.$client.transaction(() => writeDocument(db, "fiche", ficheId, buildFicheDocument(db, ficheId), prestemmed))();
}

// Fiches that showed an acteur's name in their fields; after a deletion the links are gone, so the
// name stored in the index finds them.
function ficheIdsNamingActeur(db: Db, acteurId: number): number[] {
  const stored = readStored(db, "acteur", acteurId);
  const expression = stored ? toMatchExpression(parseStemmedQuery(`"${stored.texts[0].replace(/"/g, " ")}"`)) : null;
  if (!expression) return [];
  return statement(db, "SELECT rowid FROM search_fiche WHERE search_fiche MATCH ?").pluck().all(`{champs} : (${expression})`) as number[];
}

/**
 * (Re)indexes an acteur (name, description, typologie, themes, lieux and their communes), removes
 * it when it no longer exists, and reindexes the fiches that show its name or its lieux.
 */
export function indexActeur(db: Db, acteurId: number): boolean {
  return db.$client.transaction(() => {
    const fiches = new Set([...listFicheIdsOfActeur(db, acteurId), ...ficheIdsNamingActeur(db, acteurId)]);
    let changed = writeDocument(db, "acteur", acteurId, buildActeurDocument(db, acteurId));
    for (const ficheId of fiches) changed = writeDocument(db, "fiche", ficheId, buildFicheDocument(db, ficheId)) || changed;
    return changed;
  })();
}

/** Reindexes the fiches and acteurs classified under a term, after its label changed. */
export function indexDocumentsOfTerm(db: Db, termId: number): number {
  return db.$client.transaction(() => {
    let changed = 0;
    for (const { id } of db.select({ id: ficheTerm.ficheId }).from(ficheTerm).where(eq(ficheTerm.termId, termId)).all()) {
      if (writeDocument(db, "fiche", id, buildFicheDocument(db, id))) changed++;
    }
    for (const { id } of db.select({ id: acteurTheme.acteurId }).from(acteurTheme).where(eq(acteurTheme.termId, termId)).all()) {
      if (writeDocument(db, "acteur", id, buildActeurDocument(db, id))) changed++;
    }
    return changed;
  })();
}

function clearKind(db: Db, kind: SearchKind): void {
  const t = SEARCH_TABLES[kind];
  statement(db, `INSERT INTO ${t.fts} (${t.fts}) VALUES ('delete-all')`).run();
  statement(db, `DELETE FROM ${t.doc}`).run();
}

/**
 * Rebuilds both indexes from the fiche and acteur tables, in one transaction; entries of
 * documents that are gone become tombstones, so every process's facet catalogue follows.
 */
export function rebuildSearchIndex(db: Db): { fiches: number; acteurs: number } {
  const counts = db.$client.transaction(() => {
    const counts = { fiches: 0, acteurs: 0 };
    for (const kind of ["fiche", "acteur"] as const) {
      clearKind(db, kind);
      const ids = kind === "fiche" ? db.select({ id: fiche.id }).from(fiche).all() : db.select({ id: acteur.id }).from(acteur).all();
      const seen = new Set<number>();
      for (const { id } of ids) {
        seen.add(id);
        const doc = kind === "fiche" ? buildFicheDocument(db, id) : buildActeurDocument(db, id);
        if (writeDocument(db, kind, id, doc) && doc) counts[kind === "fiche" ? "fiches" : "acteurs"]++;
      }
      const stale = statement(db, "SELECT doc_id FROM search_entry WHERE kind = ? AND indexed = 1").pluck().all(kind) as number[];
      for (const id of stale) if (!seen.has(id)) writeEntry(db, kind, id, null);
    }
    db.insert(searchState)
      .values({ key: "version", value: INDEX_VERSION })
      .onConflictDoUpdate({ target: searchState.key, set: { value: INDEX_VERSION } })
      .run();
    return counts;
  })();
  // Merge the segments written one document at a time: queries then read one b-tree per term.
  for (const kind of ["fiche", "acteur"] as const) statement(db, `INSERT INTO ${SEARCH_TABLES[kind].fts} (${SEARCH_TABLES[kind].fts}) VALUES ('optimize')`).run();
  return counts;
}

/** Rebuilds the index when it was built by another version of the stemmer or never built. Returns whether it did. */
export function ensureSearchIndex(db: Db): boolean {
  const version = db.select({ value: searchState.value }).from(searchState).where(eq(searchState.key, "version")).get();
  if (version?.value === INDEX_VERSION) return false;
  rebuildSearchIndex(db);
  return true;
}

import path from "node:path";
import type Database from "better-sqlite3";
import type { Db } from "./client";

// Fiche documents (fiche_document: the snapshot; fiche_update: the log of Yjs updates since) live in
// a SQLite file of their own, attached to every connection as "documents". SQLite has one write
// lock per file: in the main file, the socket's append of each keystroke batch, which must be stored
// before it is broadcast, waited behind the projection worker's transactions (one batch in six, 4 ms
// at the median, on a loaded machine). Unqualified names resolve across attached files, so queries
// keep naming fiche_update and fiche_document, and joins with the main file work as before.
//
// What a file split costs: a WAL commit is atomic per file, not across files, and no foreign key
// crosses files. Deletions are carried by temporary triggers, leftovers removed at each migration,
// and a transaction that writes both files (a new fiche) commits the main file first: see
// listFichesWithoutDocument.

/** The schema name of the attached documents file. */
export const DOCUMENTS_SCHEMA = "documents";

/** The documents file beside a main database file (`wiki.sqlite` → `wiki-documents.sqlite`). */
export function documentsFileOf(file: string): string {
  if (file === ":memory:" || file === "") return ":memory:";
  return path.join(path.dirname(file), `${path.basename(file, ".sqlite")}-documents.sqlite`);
}

// Same columns as db/schema.ts declares (ficheDocument, ficheUpdate), which drizzle types queries
// with; without the foreign keys, which cannot cross files.
const TABLES = `
CREATE TABLE IF NOT EXISTS ${DOCUMENTS_SCHEMA}.fiche_document (
  fiche_id integer PRIMARY KEY NOT NULL,
  snapshot blob NOT NULL,
  compacted_at integer NOT NULL
);
CREATE TABLE IF NOT EXISTS ${DOCUMENTS_SCHEMA}.fiche_update (
  id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  fiche_id integer NOT NULL,
  "update" blob NOT NULL,
  user_id integer,
  created_at integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
CREATE INDEX IF NOT EXISTS ${DOCUMENTS_SCHEMA}.fiche_update_fiche_idx ON fiche_update (fiche_id, id);
`;

// What the foreign keys of the single-file layout did: a deleted fiche takes its document along, a
// deleted account leaves its updates anonymous. TEMP triggers are the only ones that may reach
// another file; they belong to the connection, so each connection creates them.
const TRIGGERS = `
CREATE TEMP TRIGGER IF NOT EXISTS fiche_deleted_documents AFTER DELETE ON main.fiche BEGIN
  DELETE FROM ${DOCUMENTS_SCHEMA}.fiche_update WHERE fiche_id = old.id;
  DELETE FROM ${DOCUMENTS_SCHEMA}.fiche_document WHERE fiche_id = old.id;
END;
CREATE TEMP TRIGGER IF NOT EXISTS user_deleted_updates AFTER DELETE ON main.user BEGIN
  UPDATE ${DOCUMENTS_SCHEMA}.fiche_update SET user_id = NULL WHERE user_id = old.id;
END;
`;

const hasMainTable = (sqlite: Database.Database, name: string) =>
  sqlite.prepare("SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/** Attaches the documents file of `file` to the connection, with its tables, and the triggers once the main tables exist. */
export function attachDocuments(sqlite: Database.Database, file: string, prepareFile: (file: string) => void): void {
  const documentsFile = documentsFileOf(file);
  if (documentsFile !== ":memory:") prepareFile(documentsFile);
  sqlite.prepare(`ATTACH DATABASE ? AS ${DOCUMENTS_SCHEMA}`).run(documentsFile);
  sqlite.pragma(`${DOCUMENTS_SCHEMA}.journal_mode = WAL`);
  sqlite.pragma(`${DOCUMENTS_SCHEMA}.synchronous = NORMAL`);
  sqlite.exec(TABLES);
  installTriggers(sqlite);
}

function installTriggers(sqlite: Database.Database): void {
  if (hasMainTable(sqlite, "fiche") && hasMainTable(sqlite, "user")) sqlite.exec(TRIGGERS);
}

/**
 * After the migrations: moves documents that an older layout (or migration 0000, on a new database)
 * keeps in the main file into the documents file, then removes documents whose fiche is gone. The
 * copy commits before the main tables are dropped, so a crash in between only repeats the copy.
 */
export function settleDocuments(db: Db): void {
  const sqlite = db.$client;
  if (hasMainTable(sqlite, "fiche_update") || hasMainTable(sqlite, "fiche_document")) {
    sqlite
      .transaction(() => {
        sqlite.exec(`
          INSERT OR IGNORE INTO ${DOCUMENTS_SCHEMA}.fiche_document SELECT fiche_id, snapshot, compacted_at FROM main.fiche_document;
          INSERT OR IGNORE INTO ${DOCUMENTS_SCHEMA}.fiche_update SELECT id, fiche_id, "update", user_id, created_at FROM main.fiche_update;
        `);
        // Row ids of the log only grow (the projection worker's cache relies on it), even past rows compacted away.
        const sequence = sqlite.prepare("SELECT seq FROM main.sqlite_sequence WHERE name = 'fiche_update'").pluck().get() as number | undefined;
        if (sequence !== undefined) {
          sqlite.prepare(`DELETE FROM ${DOCUMENTS_SCHEMA}.sqlite_sequence WHERE name = 'fiche_update'`).run();
          sqlite
            .prepare(`INSERT INTO ${DOCUMENTS_SCHEMA}.sqlite_sequence (name, seq) VALUES ('fiche_update', max(?, (SELECT coalesce(max(id), 0) FROM ${DOCUMENTS_SCHEMA}.fiche_update)))`)
            .run(sequence);
        }
      })
      .immediate();
    sqlite.transaction(() => sqlite.exec("DROP TABLE IF EXISTS main.fiche_update; DROP TABLE IF EXISTS main.fiche_document;")).immediate();
  }
  installTriggers(sqlite);
  sqlite.exec(`
    DELETE FROM ${DOCUMENTS_SCHEMA}.fiche_update WHERE fiche_id NOT IN (SELECT id FROM main.fiche);
    DELETE FROM ${DOCUMENTS_SCHEMA}.fiche_document WHERE fiche_id NOT IN (SELECT id FROM main.fiche);
    UPDATE ${DOCUMENTS_SCHEMA}.fiche_update SET user_id = NULL WHERE user_id IS NOT NULL AND user_id NOT IN (SELECT id FROM main.user);
  `);
}

/**
 * Fiches that have no document: a creation whose commit reached the main file and not the
 * documents file before the process died. Every path that creates a fiche stores its document in
 * the same transaction, so such a fiche was never acknowledged to anyone.
 */
export function listFichesWithoutDocument(db: Db): number[] {
  return db.$client
    .prepare(
      `SELECT id FROM main.fiche WHERE id NOT IN (SELECT fiche_id FROM ${DOCUMENTS_SCHEMA}.fiche_document) AND id NOT IN (SELECT fiche_id FROM ${DOCUMENTS_SCHEMA}.fiche_update) ORDER BY id`,
    )
    .pluck()
    .all() as number[];
}

const lockStatements = new WeakMap<Database.Database, Record<"main" | typeof DOCUMENTS_SCHEMA, Database.Statement>>();

/**
 * Runs `fn` in a transaction that takes the write lock of `file` only. BEGIN IMMEDIATE would take
 * the lock of every attached file: the projection worker's transactions would hold up the socket's
 * appends to the documents file again. A write that matches no row takes the lock before `fn` reads
 * anything, which is what IMMEDIATE guarantees (no stale read to upgrade). Nested, it is a savepoint.
 */
export function transactionWriting<T>(db: Db, file: "main" | typeof DOCUMENTS_SCHEMA, fn: () => T): T {
  let statements = lockStatements.get(db.$client);
  if (!statements) {
    statements = {
      // A table without triggers: the program of a statement on fiche would include its trigger's
      // writes to the documents file, and take that lock too.
      main: db.$client.prepare("DELETE FROM main.__drizzle_migrations WHERE 0"),
      [DOCUMENTS_SCHEMA]: db.$client.prepare(`DELETE FROM ${DOCUMENTS_SCHEMA}.fiche_update WHERE 0`),
    };
    lockStatements.set(db.$client, statements);
  }
  const lock = statements[file];
  return db.transaction(
    () => {
      lock.run();
      return fn();
    },
    { behavior: "deferred" },
  );
}

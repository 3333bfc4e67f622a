import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";
import { attachDocuments } from "./documents-file";

/** Directory holding everything this instance writes: the SQLite file and the session secret. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || "data");
}

/** Path of the SQLite database file. */
export function databaseFile(): string {
  return path.join(/*turbopackIgnore: true*/ dataDir(), "wiki.sqlite");
}

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The handle a drizzle transaction callback receives. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * What `prepare` returns for a connection, made on its first use and kept as long as the
 * connection: statements on a hot path (keystrokes, projections, rights checks), where building
 * and preparing the SQL at each call shows.
 */
export function perConnection<T>(prepare: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let found = made.get(db);
    if (!found) made.set(db, (found = prepare(db)));
    return found;
  };
}

/**
 * `column IN (the ids)`, with the ids given at run time as one JSON array (`JSON.stringify(ids)`)
 * in the placeholder `name`: one statement serves lists of any length, so it can be prepared once
 * (see perConnection), where `inArray` makes new SQL, and a new statement, for each length.
 */
export function inIdList(column: SQLWrapper, name: string): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${sql.placeholder(name)}))`;
}

/**
 * Runs `read` in one transaction: its queries see one snapshot (no write by another connection
 * lands between two of them), and take the WAL read lock once. Each statement run alone takes and
 * releases that lock, several system calls apiece; a rights pass over ten rooms made about 65 of
 * them. For reads only: a write inside would commit with the whole.
 */
export function readTogether<T>(db: Db, read: () => T): T {
  return db.$client.transaction(read).deferred();
}

// The database holds password and token hashes: DATA_DIR and its files are for this user only.
const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

function restrictMode(target: string, mode: number): void {
  try {
    if ((fs.statSync(target).mode & 0o777) !== mode) fs.chmodSync(target, mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return;
    // Owned by another user (a mounted volume): leave it, say so, and keep serving.
    if (code === "EPERM") console.warn(`Could not restrict ${target} to mode ${mode.toString(8)}: ${code}`);
    else throw error;
  }
}

/** Creates a folder (and its missing parents) readable by this user only, tightening it if it exists. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  restrictMode(dir, PRIVATE_DIR);
}

/** Restricts an existing file to this user (mode 0600); does nothing if it does not exist. */
export function restrictFile(file: string): void {
  restrictMode(file, PRIVATE_FILE);
}

function preparePrivateFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR });
  // SQLite gives the -wal and -shm files it creates the database file's mode, so create that one 0600 first.
  // Only when it is missing: closing a descriptor of a file drops every POSIX lock this process holds
  // on it, those of its open SQLite connections included (https://www.sqlite.org/howtocorrupt.html#_posix_advisory_locks_canceled_by_a_separate_thread_doing_close_).
  try {
    fs.closeSync(fs.openSync(file, "wx", PRIVATE_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  for (const suffix of ["", "-wal", "-shm"]) restrictFile(file + suffix);
}

/**
 * Opens a SQLite file with the pragmas the wiki relies on, and its documents file attached (see
 * documents-file.ts); each file, its -wal and -shm are mode 0600.
 */
export function openDatabase(file: string): Db {
  preparePrivateFile(file);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  attachDocuments(sqlite, file, preparePrivateFile);
  return drizzle(sqlite, { schema });
}

// The custom server and Next's bundled route code each load this module; one connection per
// file per module instance is fine with WAL, and the globalThis cache stops hot reload from leaking more.
const cache = globalThis as unknown as { __wikiDb?: Map<string, Db> };

/** The connection to this instance's database (DATA_DIR/wiki.sqlite). */
export function getDb(): Db {
  cache.__wikiDb ??= new Map();
  const file = databaseFile();
  let db = cache.__wikiDb.get(file);
  if (!db) {
    ensurePrivateDir(dataDir());
    db = openDatabase(file);
    cache.__wikiDb.set(file, db);
  }
  return db;
}

/** Closes every open connection (clean shutdown and tests). */
export function closeDatabases(): void {
  for (const db of cache.__wikiDb?.values() ?? []) db.$client.close();
  cache.__wikiDb?.clear();
}

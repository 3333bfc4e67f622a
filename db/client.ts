import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

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

/** Opens a SQLite file with the pragmas the wiki relies on. */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
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

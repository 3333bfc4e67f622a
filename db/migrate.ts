import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Db } from "./client";
import { settleDocuments } from "./documents-file";

/** Applies every committed migration of db/migrations that the database has not seen yet. */
export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations") });
  settleDocuments(db);
}

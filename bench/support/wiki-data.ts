import path from "node:path";
import Database from "better-sqlite3";
import { encode, type JWT } from "next-auth/jwt";
import { openDatabase, type Db } from "@/db/client";
import { DOCUMENTS_SCHEMA, documentsFileOf } from "@/db/documents-file";
import { migrateDatabase } from "@/db/migrate";
import { seedTaxonomies } from "@/db/seed";
import { user, type User } from "@/db/schema";
import type { FicheStatut } from "@/lib/fiche/values";
import { insertFiche } from "@/server/fiche";

/**
 * The data a benchmark writes into its temporary DATA_DIR before the server starts, through the
 * same doors as the wiki (insertFiche: row, document, projection, first revision), and what it
 * reads back while the server runs, on a read-only connection.
 */

/** Opens DATA_DIR/wiki.sqlite, migrated and with the taxonomies; close it before starting the server. */
export function openBenchDb(dataDir: string): Db {
  const db = openDatabase(path.join(dataDir, "wiki.sqlite"));
  migrateDatabase(db);
  seedTaxonomies(db);
  return db;
}

/** Inserts an enabled account (contributeur unless told otherwise). */
export function addUser(db: Db, values: Partial<typeof user.$inferInsert> & { name: string; email: string }): User {
  return db.insert(user).values(values).returning().get();
}

/** Inserts a fiche with the given first Yjs state; published unless told otherwise. */
export function addFiche(db: Db, input: { titre: string; state?: Uint8Array; statut?: FicheStatut; createdBy?: number | null }) {
  const row = insertFiche(db, {
    type: "pratique",
    titre: input.titre,
    state: input.state,
    statut: input.statut ?? "publiee",
    createdBy: input.createdBy ?? null,
  });
  return { id: row.id, slug: row.slug };
}

/** A Cookie header carrying a next-auth session token with exactly these claims. */
export async function tokenCookie(secret: string, token: JWT): Promise<string> {
  return `next-auth.session-token=${await encode({ token, secret })}`;
}

/** The session cookie next-auth 4 sets after an email + password sign-in (our jwt callback adds `uid`). */
export function sessionCookie(secret: string, account: Pick<User, "id" | "name" | "email">): Promise<string> {
  return tokenCookie(secret, { sub: String(account.id), uid: account.id, name: account.name, email: account.email });
}

/** A read-only connection to the server's database, for polling what it stored. */
export function openReadOnlyDb(dataDir: string): Database.Database {
  const file = path.join(dataDir, "wiki.sqlite");
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  db.prepare(`ATTACH DATABASE ? AS ${DOCUMENTS_SCHEMA}`).run(documentsFileOf(file));
  return db;
}

/** What a fiche's document takes in storage: its snapshot and its log of updates since the last compaction. */
export function storedDocumentBytes(db: Database.Database, ficheId: number): { snapshot: number; log: number; logRows: number } {
  const snapshot = db.prepare("SELECT coalesce(length(snapshot), 0) FROM fiche_document WHERE fiche_id = ?").pluck().get(ficheId) as number | undefined;
  const log = db
    .prepare('SELECT count(*) AS logRows, coalesce(sum(length("update")), 0) AS log FROM fiche_update WHERE fiche_id = ?')
    .get(ficheId) as { logRows: number; log: number };
  return { snapshot: snapshot ?? 0, ...log };
}

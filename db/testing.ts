import { getDb, type Db } from "./client";
import { migrateDatabase } from "./migrate";
import { seedTaxonomies } from "./seed";

let ready = false;

/**
 * The test file's own database, migrated and seeded with the taxonomies on first use. Not with the
 * Livre blanc: tests build the fiches they need (a test that wants it calls seedDatabase).
 */
export function getTestDb(): Db {
  const db = getDb();
  if (!ready) {
    migrateDatabase(db);
    seedTaxonomies(db);
    ready = true;
  }
  return db;
}

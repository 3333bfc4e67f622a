import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/db/client";
import { fiche } from "@/db/schema";
import { seedTaxonomies } from "@/db/seed";
import { seedSearchSynonyms } from "@/server/search/synonyms";
import { applyImport, type ImportOutcome } from "./apply";
import { planImport } from "./plan";
import { readImportFile } from "./read-file";

/** The Livre blanc's text, part of the project's seed data (db/seed-data/README.md gives its credit). */
export const LIVRE_BLANC_SEED_FILE = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "seed-data", "livre-blanc-solidarite-numerique-bordeaux-2016.txt");

/**
 * First start: imports the Livre blanc's pratiques and idées when the wiki holds no fiche at all,
 * and returns what was imported; null otherwise, after one indexed query. A second process
 * racing this one finds the fiches inside its own transaction and leaves them unchanged.
 */
export function seedLivreBlanc(db: Db, file = LIVRE_BLANC_SEED_FILE): ImportOutcome | null {
  if (db.select({ id: fiche.id }).from(fiche).limit(1).get()) return null;
  const read = readImportFile(fs.readFileSync(file), path.basename(file));
  if (!read.ok) throw new Error(`Cannot import the seed document ${file}: ${read.error.message}`);
  return applyImport(db, planImport(db, read), { viewerId: null });
}

/** What seeding added: taxonomy terms, and on first start the search synonyms and the Livre blanc's fiches and acteurs. */
export type SeedResult = { terms: number; livreBlanc: { fiches: number; acteurs: number } | null };

/**
 * Brings an empty or existing database to the state the wiki needs to start: the missing taxonomy
 * terms, then, while the wiki holds no fiche, the Livre blanc's content (a no-op afterwards).
 */
export function seedDatabase(db: Db): SeedResult {
  const terms = seedTaxonomies(db);
  seedSearchSynonyms(db);
  const imported = seedLivreBlanc(db);
  return { terms, livreBlanc: imported && { fiches: imported.created.length, acteurs: imported.acteursCreated.length } };
}

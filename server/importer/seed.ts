import fs from "node:fs";
import path from "node:path";
import { isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fiche } from "@/db/schema";
import { seedTaxonomies } from "@/db/seed";
import { slugify } from "@/lib/slug";
import { seedSearchSynonyms } from "@/server/search/synonyms";
import { applyImport, type ImportOutcome } from "./apply";
import { planImport } from "./plan";
import { readImportFile } from "./read-file";

const SEED_DATA = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "seed-data");

/** The Livre blanc's text, part of the project's seed data (db/seed-data/README.md gives its credit). */
export const LIVRE_BLANC_SEED_FILE = path.join(SEED_DATA, "livre-blanc-solidarite-numerique-bordeaux-2016.txt");

/**
 * The fiches written in Markdown from the documents that followed the Livre blanc, imported after it
 * in this order (db/seed-data/README.md says where each comes from). A "Dans la suite de" line names
 * fiches of the files before it.
 */
export const SEED_MARKDOWN_FILES = [
  "journees-bnr-2019.md",
  "inclusion-numerique-en-bibliotheque-2020.md",
  "accompagnement-demarches-administratives-2021.md",
  "bordeaux-conseillers-numeriques-2022.md",
].map((name) => path.join(SEED_DATA, name));

/**
 * First start: imports the Livre blanc's pratiques and idées when the wiki holds no fiche at all,
 * and returns what was imported; null otherwise, after one indexed query. A second process
 * racing this one finds the fiches inside its own transaction and leaves them unchanged.
 */
export function seedLivreBlanc(db: Db, file = LIVRE_BLANC_SEED_FILE): ImportOutcome | null {
  if (db.select({ id: fiche.id }).from(fiche).limit(1).get()) return null;
  return importSeedFile(db, file);
}

function importSeedFile(db: Db, file: string): ImportOutcome {
  const read = readImportFile(fs.readFileSync(file), path.basename(file));
  if (!read.ok) throw new Error(`Cannot import the seed document ${file}: ${read.error.message}`);
  return applyImport(db, planImport(db, read), { viewerId: null });
}

/** The id under which readImportFile keys a Markdown file's fiches: "markdown:" and the slug of its name. */
export function markdownDocumentId(file: string): string {
  return `markdown:${slugify(path.basename(file).replace(/\.[^.]*$/, ""), "document")}`;
}

/** The source documents some fiche was imported from, read from the fiches' import keys ("document#type:titre"). */
function importedDocumentIds(db: Db): Set<string> {
  const key = sql<string>`json_extract(${fiche.fields}, '$.importKey')`;
  const rows = db
    .selectDistinct({ document: sql<string>`substr(${key}, 1, instr(${key}, '#') - 1)` })
    .from(fiche)
    .where(isNotNull(key))
    .all();
  return new Set(rows.map((row) => row.document));
}

/**
 * Imports each shipped Markdown file that no fiche comes from yet, in order, and returns what each
 * import did. The fiches' import keys are the record: fiches are archived or merged, never deleted,
 * so a file is imported once per wiki, on a fresh install as on one that had the Livre blanc before
 * the file shipped. A later import of the same file (the import page, the CLI) merges and keeps edits.
 */
export function seedMarkdownFiles(db: Db, files = SEED_MARKDOWN_FILES): { file: string; outcome: ImportOutcome }[] {
  const done = importedDocumentIds(db);
  return files.filter((file) => !done.has(markdownDocumentId(file))).map((file) => ({ file: path.basename(file), outcome: importSeedFile(db, file) }));
}

/** What an import at start added: fiches and directory acteurs created. */
export type SeedImport = { fiches: number; acteurs: number };

/** What seeding added: taxonomy terms, the Livre blanc's fiches and acteurs on first start, and each Markdown file imported for the first time. */
export type SeedResult = { terms: number; livreBlanc: SeedImport | null; documents: ({ file: string } & SeedImport)[] };

const counted = (outcome: ImportOutcome): SeedImport => ({ fiches: outcome.created.length, acteurs: outcome.acteursCreated.length });

/**
 * Brings an empty or existing database to the state the wiki needs to start: the missing taxonomy
 * terms, then, while the wiki holds no fiche, the Livre blanc's content, then the shipped Markdown
 * files not imported yet (two queries once all are).
 */
export function seedDatabase(db: Db): SeedResult {
  const terms = seedTaxonomies(db);
  seedSearchSynonyms(db);
  const imported = seedLivreBlanc(db);
  const documents = seedMarkdownFiles(db).map(({ file, outcome }) => ({ file, ...counted(outcome) }));
  return { terms, livreBlanc: imported && counted(imported), documents };
}

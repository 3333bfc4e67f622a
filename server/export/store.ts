// The exports of /export, built once per content version and kept as files under
// DATA_DIR/exports: a download streams a file instead of rebuilding the whole wiki's content.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { dataDir, readTogether, type Db } from "@/db/client";
import type { Licence } from "@/lib/licence";
import { exportContentDigest } from "@/db/queries/export-version";
import { publicUrl } from "../config";
import { CSV_TYPE, datedFilename, JSON_TYPE, ZIP_TYPE } from "./http";
import { exportActeursCsv, exportArchive, exportContext, exportFichesCsv, exportFichesJson, exportLieuxCsv, type ExportContext } from "./index";

/** The site-wide exports, by the last segment of their address. */
export const SITE_EXPORTS = ["fiches.zip", "fiches.json", "fiches.csv", "acteurs.csv", "lieux.csv"] as const;
export type SiteExport = (typeof SITE_EXPORTS)[number];

/** What one export's build gives: its bytes, the download's name and type, and headers of its own. */
export type BuiltExport = { content: string | Uint8Array; filename: string; contentType: string; headers: Record<string, string> };

type Builder = (db: Db, context: ExportContext) => BuiltExport;

// A temporary file older than this was left by a build that died (a crash, a restart).
const ABANDONED_AFTER_MS = 60 * 60_000;

const BUILDERS: Record<SiteExport, Builder> = {
  "fiches.zip": (db, context) => ({
    content: exportArchive(db, context).zip,
    filename: datedFilename("wiki-solidarite-numerique", "zip", context.exportedAt),
    contentType: ZIP_TYPE,
    headers: {},
  }),
  "fiches.json": (db, context) => ({ content: exportFichesJson(db, context), filename: datedFilename("fiches", "json", context.exportedAt), contentType: JSON_TYPE, headers: {} }),
  "fiches.csv": (db, context) => ({ content: exportFichesCsv(db, context), filename: datedFilename("fiches", "csv", context.exportedAt), contentType: CSV_TYPE, headers: {} }),
  "acteurs.csv": (db, context) => ({ content: exportActeursCsv(db, context), filename: datedFilename("acteurs", "csv", context.exportedAt), contentType: CSV_TYPE, headers: {} }),
  "lieux.csv": (db, context) => {
    const { csv, skipped } = exportLieuxCsv(db);
    // X-Lieux-Skipped counts the lieux left out because they cannot be valid (listed on /export).
    return { content: csv, filename: datedFilename("lieux-mediation-numerique", "csv", context.exportedAt), contentType: CSV_TYPE, headers: { "x-lieux-skipped": String(skipped.length) } };
  },
};

/** An export stored on disk: where, its strong ETag (a digest of its bytes), and how to serve it. */
export type StoredExport = Omit<BuiltExport, "content"> & { name: SiteExport; version: string; sequence: number; file: string; etag: string; licence: Licence };

type Store = { stored: Map<SiteExport, StoredExport>; building: Map<string, Promise<StoredExport>>; builds: number; sequence: number };

// Not kept across restarts on purpose: a new process may run new export code, so it builds each
// export again once (and deletes the previous process's files) rather than trust old bytes.
const cache = globalThis as unknown as { __wikiExportStore?: Store };
const store = (): Store => (cache.__wikiExportStore ??= { stored: new Map(), building: new Map(), builds: 0, sequence: 0 });

/** The directory of stored exports, DATA_DIR/exports. */
export function exportsDir(): string {
  return path.join(dataDir(), "exports");
}

/** The version of the exported content now: changes with anything an export holds, or the site's address. */
export function exportVersion(db: Db): string {
  return createHash("sha256").update(exportContentDigest(db)).update(publicUrl()).digest("base64url").slice(0, 32);
}

/** How many exports this process has built (for tests and the bench). */
export function countExportBuilds(): number {
  return store().builds;
}

/**
 * The stored file of `name` for the content as it is now: built and written on the first request
 * of a version, shared by every request that asks while it is being built.
 */
export async function getStoredExport(db: Db, name: SiteExport): Promise<StoredExport> {
  const { stored, building } = store();
  const version = exportVersion(db);
  const current = stored.get(name);
  if (current?.version === version) return current;
  const key = `${name}.${version}`;
  let pending = building.get(key);
  if (!pending) {
    pending = writeExport(db, name).finally(() => building.delete(key));
    building.set(key, pending);
  }
  return pending;
}

async function writeExport(db: Db, name: SiteExport): Promise<StoredExport> {
  // Let the caller register this promise before the (synchronous) build takes the thread.
  await Promise.resolve();
  const s = store();
  const sequence = ++s.sequence;
  // One read transaction (a snapshot, under WAL): the version names exactly the content built,
  // even while the projection worker or the CLI write through their own connections.
  const { version, context, built } = readTogether(db, () => {
    const context = exportContext(db);
    return { version: exportVersion(db), context, built: BUILDERS[name](db, context) };
  });
  s.builds++;
  const { content, ...meta } = built;
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  const dir = exportsDir();
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${name}.${version}`);
  // Written whole under a temporary name, then renamed: a reader never sees half a file.
  const temporary = path.join(dir, `${name}.${version}.${randomUUID()}.tmp`);
  await fs.writeFile(temporary, bytes, { mode: 0o600 });
  await fs.rename(temporary, file);
  const etag = `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 32)}"`;
  const entry: StoredExport = { ...meta, name, version, sequence, file, etag, licence: context.licence };
  // A slower build that started earlier must not replace a newer one already stored.
  const previous = s.stored.get(name);
  if (!previous || previous.sequence < sequence) s.stored.set(name, entry);
  await deleteOtherVersions(dir, name, s.stored.get(name)!.file);
  return entry;
}

// Removes the files of `name` but the current one and temporary files still being written; a
// stream already open on a removed file reads on (the inode lives until it is closed).
async function deleteOtherVersions(dir: string, name: SiteExport, keep: string): Promise<void> {
  for (const entry of await fs.readdir(dir)) {
    const file = path.join(dir, entry);
    if (!entry.startsWith(`${name}.`) || file === keep) continue;
    if (entry.endsWith(".tmp")) {
      const stat = await fs.stat(file).catch(() => null);
      if (stat && stat.mtimeMs > Date.now() - ABANDONED_AFTER_MS) continue;
    }
    await fs.rm(file, { force: true });
  }
}

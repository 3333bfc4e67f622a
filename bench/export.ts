import { SYSTEM } from "@/server/authorize";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { acteur } from "@/db/schema";
import { seedTaxonomies } from "@/db/seed";
import { seedDatabase } from "@/server/importer/seed";
import { LIEU_SERVICES } from "@/lib/lieu/labels";
import { lieuSchema } from "@/lib/schemas/lieu";
import { exportActeursCsv, exportArchive, exportContext, exportFichesCsv, exportFichesJson, exportLieuxCsv } from "@/server/export";
import { applyLieuxImport } from "@/server/import-lieux/apply";
import { readLieuxCsv } from "@/server/import-lieux/read";
import { readFichesJson } from "@/server/importer/fiches-json";
import { importFichesJson } from "@/server/importer/fiches-json-apply";
import { createLieu } from "@/server/lieu";

/**
 * Time and size of every export of the Livre blanc's content (121 fiches, 110 acteurs) plus
 * BENCH_LIEUX generated lieux (1000), and of the imports that read them back into empty wikis:
 * median of BENCH_RUNS (5) runs each.
 */

const LIEUX = Number(process.env.BENCH_LIEUX ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function freshDb(dirs: string[]): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wiki-bench-export-"));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, "wiki.sqlite"));
  migrateDatabase(db);
  return db;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time<T>(run: () => T): { ms: number; result: T } {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    result = run();
    times.push(performance.now() - start);
  }
  return { ms: median(times), result };
}

/** Times a run that needs a fresh target each time (an import), preparing it outside the timing. */
function timeFresh<T>(prepare: () => Db, run: (db: Db) => T): { ms: number; result: T } {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < RUNS; i++) {
    const db = prepare();
    const start = performance.now();
    result = run(db);
    times.push(performance.now() - start);
    db.$client.close();
  }
  return { ms: median(times), result };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const line = (label: string, ms: number, detail: string) => console.log(`${label.padEnd(38)} ${ms.toFixed(1).padStart(8)} ms   ${detail}`);

export async function run(): Promise<void> {
  const dirs: string[] = [];
  try {
    const db = freshDb(dirs);
    const seeded = seedDatabase(db);
    const acteurs = db.select({ id: acteur.id }).from(acteur).all();
    for (let i = 0; i < LIEUX; i++) {
      createLieu(db, SYSTEM,
        acteurs[i % acteurs.length].id,
        lieuSchema.parse({
          nom: `Permanence numérique ${i + 1}`,
          adresse: `${(i % 180) + 1} cours de la Marne`,
          codePostal: "33800",
          commune: "Bordeaux",
          latitude: String(44.82 + (i % 100) / 10_000),
          longitude: String(-0.56 - (i % 100) / 10_000),
          telephone: "05 56 12 34 56",
          horaires: "Mo-Fr 09:00-12:00",
          services: [LIEU_SERVICES[i % LIEU_SERVICES.length]],
        }),
      );
    }
    console.log(`${seeded.livreBlanc?.fiches ?? 0} fiches, ${acteurs.length} acteurs, ${LIEUX} lieux; median of ${RUNS} runs`);
    console.log(
      "export: the builders called in-process. Left out of the real path: server/index.ts and its routes, so neither the on-disk cache per content version nor the download limit (a cached download is a file streamed from DATA_DIR/exports).",
    );
    const context = exportContext(db);

    const json = time(() => exportFichesJson(db, context));
    line("fiches JSON", json.ms, kb(Buffer.byteLength(json.result)));
    const csv = time(() => exportFichesCsv(db, context));
    line("fiches CSV", csv.ms, kb(Buffer.byteLength(csv.result)));
    const archive = time(() => exportArchive(db, context));
    line("archive .zip (everything)", archive.ms, kb(archive.result.zip.byteLength));
    const acteursCsv = time(() => exportActeursCsv(db, context));
    line("acteurs CSV", acteursCsv.ms, kb(Buffer.byteLength(acteursCsv.result)));
    const lieux = time(() => exportLieuxCsv(db));
    line("lieux CSV (validated with the package)", lieux.ms, `${kb(Buffer.byteLength(lieux.result.csv))}, ${((lieux.ms * 1000) / LIEUX).toFixed(0)} µs per lieu`);

    const lieuxBytes = new TextEncoder().encode(lieux.result.csv);
    const read = time(() => readLieuxCsv(lieuxBytes, "lieux.csv"));
    if (!read.result.ok) throw new Error(read.result.error.message);
    line("lieux CSV read and checked", read.ms, `${LIEUX} rows`);
    const file = read.result;
    const imported = timeFresh(
      () => {
        const target = freshDb(dirs);
        seedTaxonomies(target);
        return target;
      },
      (target) => applyLieuxImport(target, file, lieux.result.csv),
    );
    line("lieux import into an empty wiki", imported.ms, `${imported.result.lieuxCreated.length} lieux, ${imported.result.acteursCreated.length} acteurs, one transaction`);
    const again = time(() => applyLieuxImport(db, file, lieux.result.csv));
    line("lieux re-import, nothing changed", again.ms, `${again.result.plan.lieux.filter((l) => l.action === "unchanged").length} unchanged`);

    const document = readFichesJson(new TextEncoder().encode(json.result), "fiches.json");
    if (!document.ok) throw new Error(document.error.message);
    const fiches = timeFresh(
      () => {
        const target = freshDb(dirs);
        seedTaxonomies(target);
        return target;
      },
      (target) => importFichesJson(target, document.document, { viewerId: null }),
    );
    line("fiches JSON import into an empty wiki", fiches.ms, `${fiches.result.created.length} fiches, ${fiches.result.acteursCreated.length} acteurs`);
    db.$client.close();
  } finally {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

import fs from "node:fs";
import { eq } from "drizzle-orm";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { getViewerById } from "@/db/queries/viewer";
import { getCatalogueBySlug, listPublicCatalogues } from "@/db/queries/catalogue";
import { fiche, user } from "@/db/schema";
import { seedDatabase } from "@/server/importer/seed";
import { createCatalogue, duplicateCatalogue, setCatalogueStatut } from "@/server/catalogue";
import { addFicheToModule, addModule, moveItem } from "@/server/catalogue-module";
import { renderCataloguePdf } from "@/server/catalogue-pdf";

/**
 * A trainer's biggest plausible catalogue: every published fiche of the Livre blanc (121) in
 * BENCH_MODULES (10) modules. Times reading it with its content, rendering its PDF, moving an
 * item across modules, duplicating it, and searching BENCH_CATALOGUES (1000) public catalogues:
 * median of BENCH_RUNS (5) runs, BENCH_MOVES (200) moves.
 */

const MODULES = Number(process.env.BENCH_MODULES ?? 10);
const CATALOGUES = Number(process.env.BENCH_CATALOGUES ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MOVES = Number(process.env.BENCH_MOVES ?? 200);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function time<T>(runs: number, run: (i: number) => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await run(i);
    times.push(performance.now() - start);
  }
  return { ms: median(times), result };
}

const line = (label: string, ms: number, detail = "") => console.log(`${label.padEnd(44)} ${ms.toFixed(2).padStart(9)} ms   ${detail}`);

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wiki-bench-catalogue-"));
  try {
    const db = openDatabase(path.join(dir, "wiki.sqlite"));
    migrateDatabase(db);
    seedDatabase(db);
    const owner = getViewerById(db, db.insert(user).values({ email: "bench@exemple.fr", name: "Bench" }).returning().get().id)!;
    const fiches = db.select({ id: fiche.id }).from(fiche).where(eq(fiche.statut, "publiee")).all();
    const catalogue = createCatalogue(db, owner, { titre: "Former les bénévoles à l'accompagnement numérique", description: "Banc d'essai", publicVise: "", objectifs: "", duree: "" });
    const modules = Array.from({ length: MODULES }, (_, m) => addModule(db, owner, catalogue.id, { titre: `Module ${m + 1}`, description: "" }).id);
    const items = fiches.map((f, i) => addFicheToModule(db, owner, catalogue.id, { moduleId: modules[i % MODULES], ficheId: f.id, note: "Pourquoi cette fiche.", duree: "30 min" }).id);
    setCatalogueStatut(db, owner, catalogue.id, "public");
    console.log(`${items.length} fiches in ${MODULES} modules; ${RUNS} runs, medians`);
    console.log("Left out of the real path: server/index.ts, Next and HTTP (the domain functions are called in process).");

    const read = await time(RUNS, () => getCatalogueBySlug(db, catalogue.slug, null, { content: true })!);
    const html = read.result.modules.flatMap((m) => m.items).reduce((n, i) => n + (i.fiche?.html.length ?? 0), 0);
    line("getCatalogueBySlug with content", read.ms, `${(html / 1024).toFixed(0)} KB of fiche HTML`);
    const pdf = await time(RUNS, () => renderCataloguePdf(read.result, { baseUrl: "https://wiki.exemple.fr", licence: { name: "Licence Ouverte 2.0 (Etalab)", url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/" } }));
    const pages = (pdf.result.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
    line("renderCataloguePdf", pdf.ms, `${(pdf.result.length / 1024).toFixed(0)} KB, ${pages} pages`);

    let seed = 7;
    const next = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const move = await time(MOVES, () => moveItem(db, owner, catalogue.id, items[Math.floor(next() * items.length)], modules[Math.floor(next() * MODULES)], Math.floor(next() * 15)));
    line("moveItem across modules (one transaction)", move.ms, `median of ${MOVES}`);
    const copy = await time(RUNS, () => duplicateCatalogue(db, owner, catalogue.id));
    line("duplicateCatalogue", copy.ms, `${copy.result.skipped} items left out`);

    for (let i = 0; i < CATALOGUES; i++) {
      const c = createCatalogue(db, owner, { titre: `Parcours ${i} ${i % 3 ? "médiation" : "démarches en ligne"}`, description: "Pour les bénévoles d'accueil.", publicVise: "Bénévoles", objectifs: "", duree: "" });
      db.$client.prepare("update catalogue set statut = 'public' where id = ?").run(c.id);
    }
    const search = await time(RUNS, () => listPublicCatalogues(db, { q: "demarches benevoles" }));
    line(`listPublicCatalogues search, ${CATALOGUES + 1} public`, search.ms, `${search.result.total} found`);
    db.$client.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { listLieuxWithActeur } from "@/db/queries/carte";
import { migrateDatabase } from "@/db/migrate";
import { acteur, acteurTheme, lieu, taxonomyTerm } from "@/db/schema";
import { seedDatabase } from "@/server/importer/seed";
import { toCarteItem } from "@/lib/carte/item";
import { LIEU_PRISES_EN_CHARGE_SPECIFIQUES, LIEU_PUBLICS_SPECIFIQUEMENT_ADRESSES, LIEU_SERVICES } from "@/lib/lieu/labels";
import { SERVICE_NEEDS } from "@/lib/orientation/needs";
import { getCoverage, publicServiceCsv, themeCommuneCsv } from "@/server/couverture";
import { orient } from "@/server/orientation";

/**
 * The map's query, the orientation's ranking and the coverage tables over the Livre blanc's
 * content plus BENCH_LIEUX generated lieux (2000) spread over 28 communes around Bordeaux:
 * median of BENCH_RUNS (7) runs each, and the size of what /carte sends to the browser.
 */

const LIEUX = Number(process.env.BENCH_LIEUX ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const COMMUNES = 28;

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
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

// A fixed pseudo-random sequence, so that every run measures the same data.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

function pick<T>(list: readonly T[], next: () => number, max: number): T[] {
  return list.filter(() => next() < max / list.length);
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wiki-bench-carte-"));
  try {
    const db = openDatabase(path.join(dir, "wiki.sqlite"));
    migrateDatabase(db);
    seedDatabase(db);
    const next = random(42);
    const acteurs = db.select({ id: acteur.id }).from(acteur).all();
    const themes = db.select({ id: taxonomyTerm.id }).from(taxonomyTerm).all().slice(0, 9);
    db.insert(acteurTheme)
      .values(acteurs.flatMap((a) => pick(themes, next, 2).map((t) => ({ acteurId: a.id, termId: t.id }))))
      .onConflictDoNothing()
      .run();
    const rows = Array.from({ length: LIEUX }, (_, i) => ({
      acteurId: acteurs[i % acteurs.length].id,
      nom: `Lieu ${i}`,
      adresse: `${i} rue de la Bench`,
      codePostal: "33000",
      commune: `Commune ${i % COMMUNES}`,
      latitude: 44.75 + next() * 0.2,
      longitude: -0.75 + next() * 0.3,
      horaires: i % 3 ? "Mo-Fr 09:00-12:00,14:00-17:30; Sa 10:00-12:00; PH off" : 'Tu "sur rendez-vous"',
      services: [LIEU_SERVICES[i % LIEU_SERVICES.length], ...pick(LIEU_SERVICES, next, 2)],
      publicsSpecifiquementAdresses: pick(LIEU_PUBLICS_SPECIFIQUEMENT_ADRESSES, next, 1),
      priseEnChargeSpecifique: pick(LIEU_PRISES_EN_CHARGE_SPECIFIQUES, next, 1),
    }));
    for (let i = 0; i < rows.length; i += 500) db.insert(lieu).values(rows.slice(i, i + 500)).run();

    const all = time(() => listLieuxWithActeur(db));
    const payload = JSON.stringify(all.result.map(toCarteItem));
    const byService = time(() => listLieuxWithActeur(db, { service: "Aide aux démarches administratives" }));
    const byCommune = time(() => listLieuxWithActeur(db, { commune: "commune 7", public: "Surdité" }));
    const need = SERVICE_NEEDS.find((n) => n.label === "Aide aux démarches administratives")!;
    const ranked = time(() =>
      orient(db, { need, publics: ["Seniors"], supports: ["Surdité"], point: { latitude: 44.8412, longitude: -0.5699 } }, new Date("2025-01-06T09:00:00Z")),
    );
    const coverage = time(() => getCoverage(db));
    const csv = time(() => themeCommuneCsv(coverage.result.themeCommune).length + publicServiceCsv(coverage.result.publicService).length);

    console.log(`${LIEUX} lieux, ${acteurs.length} acteurs, ${COMMUNES} communes; median of ${RUNS} runs`);
    console.log(`map query, no filter:            ${all.ms.toFixed(1)} ms, ${all.result.length} lieux, /carte payload ${(payload.length / 1024).toFixed(0)} KiB of JSON`);
    console.log(`map query, one service:          ${byService.ms.toFixed(1)} ms, ${byService.result.length} lieux`);
    console.log(`map query, commune + support:    ${byCommune.ms.toFixed(1)} ms, ${byCommune.result.length} lieux`);
    console.log(`orientation (query + ranking):   ${ranked.ms.toFixed(1)} ms, ${ranked.result.matches.length} lieux ranked, ${ranked.result.fiches.length} fiches`);
    console.log(`coverage, both tables:           ${coverage.ms.toFixed(1)} ms`);
    console.log(`coverage CSVs:                   ${csv.ms.toFixed(1)} ms, ${(csv.result / 1024).toFixed(0)} KiB`);
    db.$client.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedTaxonomies } from "@/db/seed";
import { toMatchExpression } from "@/lib/search/french";
import { parseStemmedQuery } from "@/lib/search/stemmer";
import { RANK_BOUND, rebuildSearchIndex, searchWiki } from "@/server/search";
import { addSyntheticFiches } from "./support/search-corpus";

/**
 * Latency of searchWiki (ranking, facet counts, excerpts, fiches and acteurs) against the raw
 * ranked FTS5 query for the same terms (`… MATCH ? ORDER BY rank LIMIT 20`), on 10,000 then
 * 100,000 synthetic fiches in a temporary database. Env: BENCH_SEARCH_SIZES ("10000,100000").
 */

const MIX: { q: string; kind: string }[] = [
  { q: "braille", kind: "rare" },
  { q: "cryptoparty", kind: "rare" },
  { q: "fablab imprimante", kind: "rare" },
  { q: "bibliobus", kind: "rare" },
  { q: "tablette seniors", kind: "moyen" },
  { q: "démarches administratives", kind: "moyen" },
  { q: "impôts mérignac", kind: "moyen" },
  { q: "numérique", kind: "courant" },
  { q: "accompagnement", kind: "courant" },
  { q: "atelier numérique", kind: "courant" },
  { q: "numéri", kind: "préfixe" },
  { q: "smartph", kind: "préfixe" },
];
// Measured apart from the mix: the raw query for a typo finds nothing at once, searchWiki then
// looks for close words and searches again, which is not the same work.
const TYPO = { q: "mdiathèque", kind: "faute" };
const ROUNDS: Record<number, number> = { 10_000: 25, 100_000: 9 };

type Sample = { wall: number; cpu: number };

// CPU time besides wall time: on a shared machine, waiting for a core is not the query's cost.
function time(fn: () => unknown): Sample {
  const cpu = process.cpuUsage();
  const start = performance.now();
  fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

function percentile(samples: Sample[], key: keyof Sample, p: number): number {
  const sorted = samples.map((s) => s[key]).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

const ms = (value: number, width = 10) => `${value.toFixed(value < 10 ? 2 : 1)} ms`.padStart(width);
const times = (a: number, b: number, width = 8) => `${(a / b).toFixed(2)}×`.padStart(width);

type Measured = { q: string; kind: string; total: number; bounded: boolean; corrected: string | null; wiki: Sample[]; raw: Sample[]; unbounded: Sample[] };

function measure(db: ReturnType<typeof openDatabase>, rounds: number): Measured[] {
  const raw = db.$client.prepare("SELECT rowid FROM search_fiche WHERE search_fiche MATCH ? ORDER BY rank LIMIT 20").pluck();
  const measured = [...MIX, TYPO].map(({ q, kind }) => {
    const outcome = searchWiki(db, { q });
    return { q, kind, total: outcome.total, bounded: outcome.bounded, corrected: outcome.correction?.text ?? null, wiki: [], raw: [], unbounded: [] } as Measured;
  });
  const matches = measured.map(({ q }) => `{titre champs corps} : (${toMatchExpression(parseStemmedQuery(q))})`);
  for (let round = -2; round < rounds; round++) {
    measured.forEach((m, i) => {
      const wiki = time(() => searchWiki(db, { q: m.q }));
      const direct = time(() => raw.all(matches[i]));
      const unbounded = m.bounded ? time(() => searchWiki(db, { q: m.q, rankBound: Infinity })) : wiki;
      if (round < 0) return;
      m.wiki.push(wiki);
      m.raw.push(direct);
      m.unbounded.push(unbounded);
    });
  }
  return measured;
}

function report(measured: Measured[], rounds: number): void {
  console.log(
    `${"query".padEnd(28)}${"kind".padEnd(8)}${"results".padStart(8)}${"wiki p50".padStart(10)}${"wiki p95".padStart(10)}${"raw p50".padStart(10)}` +
      `${"raw p95".padStart(10)}${"p95 ×".padStart(8)}${"wiki cpu".padStart(10)}${"raw cpu".padStart(10)}${"cpu ×".padStart(8)}${"unbounded".padStart(11)}`,
  );
  for (const m of measured) {
    const p = (list: Sample[], key: keyof Sample, q: number) => percentile(list, key, q);
    console.log(
      `${(m.q + (m.corrected ? ` → ${m.corrected}` : "")).padEnd(28)}${m.kind.padEnd(8)}${String(m.total).padStart(8)}` +
        `${ms(p(m.wiki, "wall", 0.5))}${ms(p(m.wiki, "wall", 0.95))}${ms(p(m.raw, "wall", 0.5))}${ms(p(m.raw, "wall", 0.95))}` +
        `${times(p(m.wiki, "wall", 0.95), p(m.raw, "wall", 0.95))}${ms(p(m.wiki, "cpu", 0.5))}${ms(p(m.raw, "cpu", 0.5))}` +
        `${times(p(m.wiki, "cpu", 0.5), p(m.raw, "cpu", 0.5))}${m.bounded ? ms(p(m.unbounded, "wall", 0.5), 11) : "".padStart(11)}`,
    );
  }
  const mix = measured.filter((m) => m.kind !== TYPO.kind);
  const all = (key: "wiki" | "raw" | "unbounded") => mix.flatMap((m) => m[key]);
  for (const key of ["wall", "cpu"] as const) {
    const [w50, w95, r50, r95] = [percentile(all("wiki"), key, 0.5), percentile(all("wiki"), key, 0.95), percentile(all("raw"), key, 0.5), percentile(all("raw"), key, 0.95)];
    console.log(
      `mix of ${mix.length} queries × ${rounds} rounds, ${key === "wall" ? "wall clock" : "CPU time"}: searchWiki p50 ${ms(w50, 0)}, p95 ${ms(w95, 0)}; ` +
        `raw ranked FTS5 p50 ${ms(r50, 0)}, p95 ${ms(r95, 0)}; ratio p50 ${times(w50, r50, 0)}, p95 ${times(w95, r95, 0)}`,
    );
  }
  const common = mix.filter((m) => m.bounded);
  if (common.length > 0) {
    const pick = (key: "wiki" | "raw" | "unbounded") => common.flatMap((m) => m[key]);
    console.log(
      `very common queries (${common.map((m) => m.q).join(", ")}), wall p95: bounded ranking (${RANK_BOUND} + ${RANK_BOUND}) ${ms(percentile(pick("wiki"), "wall", 0.95), 0)}, ` +
        `ranking every candidate ${ms(percentile(pick("unbounded"), "wall", 0.95), 0)}, raw ${ms(percentile(pick("raw"), "wall", 0.95), 0)}`,
    );
  }
}

export async function run(): Promise<void> {
  const sizes = (process.env.BENCH_SEARCH_SIZES ?? "10000,100000").split(",").map(Number);
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} cores`);
  console.log(
    "Left out of the real path: server/index.ts, Next and HTTP (searchWiki is called in process), and the synonym groups " +
      "(the bench database has none; their expansion is cached per connection).",
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-search-"));
  const db = openDatabase(path.join(dir, "bench.sqlite"));
  // A throwaway database: durability buys nothing here.
  db.$client.pragma("synchronous = OFF");
  migrateDatabase(db);
  seedTaxonomies(db);
  let fiches = 0;
  try {
    for (const size of sizes) {
      const started = time(() => addSyntheticFiches(db, size - fiches, size));
      fiches = size;
      let indexed = { fiches: 0, acteurs: 0 };
      const built = time(() => (indexed = rebuildSearchIndex(db)));
      const megabytes = (db.$client.prepare("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()").pluck().get() as number) / 1e6;
      console.log(
        `\n${size.toLocaleString("en")} synthetic fiches, ${indexed.acteurs} acteurs: generated in ${(started.wall / 1000).toFixed(1)} s, ` +
          `indexed in ${(built.wall / 1000).toFixed(1)} s (${(built.cpu / 1000).toFixed(1)} s CPU), database ${megabytes.toFixed(0)} MB`,
      );
      const first = time(() => searchWiki(db, { q: "numérique" }));
      console.log(`first search, which loads the facet catalogue: ${ms(first.wall, 0)} (${ms(first.cpu, 0)} CPU)`);
      const rounds = ROUNDS[size] ?? 9;
      report(measure(db, rounds), rounds);
    }
  } finally {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

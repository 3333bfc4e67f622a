/**
 * Throughput of the server-rendered fiche page with 10,000 fiches, against trivial dynamic routes
 * of the same production build in the same run: the health check (a route handler touching the
 * database) and a page that only renders the layout (an unknown address: the French 404 page).
 * Target: the fiche page keeps at least half the trivial routes' throughput.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

const FICHES = Number(process.env.BENCH_FICHES || 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 8);
const PORT = Number(process.env.BENCH_PORT || 3390);

async function prepareData(dataDir: string): Promise<string[]> {
  process.env.DATA_DIR = dataDir;
  const { getDb, closeDatabases } = await import("@/db/client");
  const { migrateDatabase } = await import("@/db/migrate");
  const { seedTaxonomies } = await import("@/db/seed");
  const { addSyntheticFiches } = await import("./support/search-corpus");
  const db = getDb();
  migrateDatabase(db);
  seedTaxonomies(db);
  addSyntheticFiches(db, FICHES, 7);
  // The synthetic rows carry plain text only; give them the body html the page renders.
  db.$client.prepare("UPDATE fiche SET html = '<h2>Descriptif de l''action</h2><p>' || texte || '</p>'").run();
  const slugs = db.$client.prepare("SELECT slug FROM fiche").pluck().all() as string[];
  closeDatabases();
  return slugs;
}

function get(agent: http.Agent, url: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      })
      .on("error", reject);
  });
}

async function waitUntilReady(base: string): Promise<void> {
  const agent = new http.Agent();
  for (let i = 0; i < 600; i++) {
    try {
      if ((await get(agent, `${base}/api/sante`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("The wiki did not start within 5 minutes");
}

async function load(name: string, nextUrl: () => string, expected: number): Promise<{ name: string; rps: number; p50: number; p99: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const run = async (seconds: number, latencies: number[] | null) => {
    const until = performance.now() + seconds * 1000;
    let count = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < until) {
          const { status, ms } = await get(agent, nextUrl());
          if (status !== expected) throw new Error(`${name}: HTTP ${status}, expected ${expected}`);
          latencies?.push(ms);
          count++;
        }
      }),
    );
    return count;
  };
  await run(2, null);
  const latencies: number[] = [];
  const count = await run(SECONDS, latencies);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { name, rps: count / SECONDS, p50: at(0.5), p99: at(0.99) };
}

/** Runs the benchmark and prints its figures. */
export async function run(): Promise<void> {
  const root = process.cwd();
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("No production build: running next build…");
    const built = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
    if (built.status !== 0) throw new Error("next build failed");
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wiki-bench-page-"));
  const started = performance.now();
  const slugs = await prepareData(dataDir);
  console.log(`${slugs.length} synthetic fiches generated in ${Math.round(performance.now() - started)} ms (temporary database, deleted afterwards)`);

  const server = spawn("npx", ["tsx", "server/index.ts"], {
    env: { ...process.env, PORT: String(PORT), DATA_DIR: dataDir, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const base = `http://localhost:${PORT}`;
  try {
    await waitUntilReady(base);
    let i = 0;
    const results = [
      await load("fiche page /fiches/<slug>", () => `${base}/fiches/${slugs[(i = (i * 7919 + 1) % slugs.length)]}`, 200),
      await load("trivial page (layout only, 404)", () => `${base}/page-inexistante`, 404),
      await load("health route /api/sante", () => `${base}/api/sante`, 200),
    ];
    console.log(`\n${CONCURRENCY} concurrent keep-alive clients, ${SECONDS} s per route, after a 2 s warm-up:`);
    for (const r of results) {
      console.log(`  ${r.name.padEnd(34)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(1)} ms   p99 ${r.p99.toFixed(1)} ms`);
    }
    const [ficheResult, trivialPage, health] = results;
    console.log(`\n  fiche page / trivial page:  ${(ficheResult.rps / trivialPage.rps).toFixed(2)}× (target ≥ 0.50×)`);
    console.log(`  fiche page / health route:  ${(ficheResult.rps / health.rps).toFixed(2)}×`);
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

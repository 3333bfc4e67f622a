import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Latency of the REST API's handlers, in process, on a wiki seeded with the Livre blanc: a list
 * page, a fiche, the same fiche revalidated with If-None-Match (304), a search, and a PATCH written
 * through the fiche's document and projected. Env: BENCH_REQUESTS (300 per case).
 */

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function run(): Promise<void> {
  console.log(
    "Left out of the real path: server/index.ts, Next's routing and the HTTP socket (the route handlers are called in process), " +
      "and the collaboration server: a PATCH is written and projected on this thread, not in the projection worker.",
  );
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "wiki-bench-api-"));
  const { getDb, closeDatabases } = await import("@/db/client");
  const { migrateDatabase } = await import("@/db/migrate");
  const { seedDatabase } = await import("@/server/importer/seed");
  const { user } = await import("@/db/schema");
  const { createApiToken } = await import("@/server/api-token");
  const { getViewerById } = await import("@/db/queries/viewer");
  const { RateLimiter } = await import("@/server/rate-limit");
  const { rebuildSearchIndex } = await import("@/server/search");
  const fiches = await import("@/app/api/v1/fiches/route");
  const oneFiche = await import("@/app/api/v1/fiches/[slug]/route");
  const search = await import("@/app/api/v1/search/route");

  const db = getDb();
  migrateDatabase(db);
  const seeded = seedDatabase(db);
  rebuildSearchIndex(db);
  const owner = db.insert(user).values({ email: "bench@exemple.fr", name: "Bench", role: "moderateur" }).returning().get();
  const token = createApiToken(db, getViewerById(db, owner.id), "Bench").token;

  // The bench measures the handlers, not the rate limiter's refusals: limits far above its request count.
  (globalThis as { __wikiApiLimiters?: unknown }).__wikiApiLimiters = { anonymous: new RateLimiter(1e9, 60_000), token: new RateLimiter(1e9, 60_000) };
  const request = (url: string, init: RequestInit & { headers?: Record<string, string> } = {}) => new Request(new URL(url, "http://localhost:3000"), init);

  const list = await (await fiches.GET(request("/api/v1/fiches?per_page=1"), { params: Promise.resolve({}) })).json();
  const slug = (list as { data: { slug: string }[] }).data[0].slug;
  const etag = (await oneFiche.GET(request(`/api/v1/fiches/${slug}`), { params: Promise.resolve({ slug }) })).headers.get("etag")!;

  const cases: [string, number, (i: number) => Promise<Response>][] = [
    ["GET /fiches?per_page=20", 200, () => fiches.GET(request("/api/v1/fiches?per_page=20"), { params: Promise.resolve({}) })],
    ["GET /fiches/{slug}", 200, () => oneFiche.GET(request(`/api/v1/fiches/${slug}`), { params: Promise.resolve({ slug }) })],
    ["GET /fiches/{slug} If-None-Match", 304, () => oneFiche.GET(request(`/api/v1/fiches/${slug}`, { headers: { "if-none-match": etag } }), { params: Promise.resolve({ slug }) })],
    ["GET /search?q=numerique", 200, () => search.GET(request("/api/v1/search?q=numerique"), { params: Promise.resolve({}) })],
    [
      "PATCH /fiches/{slug} (commune)",
      200,
      (i) =>
        oneFiche.PATCH(
          request(`/api/v1/fiches/${slug}`, {
            method: "PATCH",
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: JSON.stringify({ commune: `Commune ${i}` }),
          }),
          { params: Promise.resolve({ slug }) },
        ),
    ],
  ];

  console.log(`Livre blanc: ${seeded.livreBlanc?.fiches ?? 0} fiches, ${seeded.livreBlanc?.acteurs ?? 0} acteurs; ${REQUESTS} requests per case`);
  for (const [name, status, send] of cases) {
    for (let i = 0; i < 20; i++) await (await send(-i)).arrayBuffer();
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const start = performance.now();
      const response = await send(i);
      await response.arrayBuffer();
      times.push(performance.now() - start);
      if (response.status !== status) throw new Error(`${name}: status ${response.status}, expected ${status}`);
    }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(36)} p50 ${percentile(times, 50).toFixed(2)} ms  p99 ${percentile(times, 99).toFixed(2)} ms`);
  }
  closeDatabases();
  fs.rmSync(process.env.DATA_DIR, { recursive: true, force: true });
}

import http from "node:http";
import { timedGet } from "./wiki-server";

/** What one reader saw: the latency of each page that answered 200, and the count of any other outcome. */
export type ReaderResult = { latencies: number[]; failures: Map<string, number> };

/**
 * One reader loading fiche pages (`GET /fiches/<slug>`) one after the other on a keep-alive
 * connection, cycling through `slugs`, for `ms` after `warmupMs` not recorded.
 */
export async function readFichePages(baseUrl: string, slugs: readonly string[], ms: number, warmupMs: number): Promise<ReaderResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const result: ReaderResult = { latencies: [], failures: new Map() };
  const started = performance.now();
  let i = 0;
  try {
    while (performance.now() - started < warmupMs + ms) {
      const recording = performance.now() - started >= warmupMs;
      const url = `${baseUrl}/fiches/${encodeURIComponent(slugs[i++ % slugs.length])}`;
      try {
        const { status, ms: took } = await timedGet(agent, url);
        if (!recording) continue;
        if (status === 200) result.latencies.push(took);
        else result.failures.set(`HTTP ${status}`, (result.failures.get(`HTTP ${status}`) ?? 0) + 1);
      } catch (error) {
        const key = error instanceof Error ? error.message : String(error);
        if (recording) result.failures.set(key, (result.failures.get(key) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    agent.destroy();
  }
  return result;
}

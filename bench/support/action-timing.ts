import type { Locator, Page } from "@playwright/test";

/**
 * One server action as a person lives it: from the click to the answer of the action's POST (its
 * headers: a redirecting action answers once the server has rendered the page it leads to), and
 * to the page showing the outcome.
 */
export type ActionSample = { postMs: number; uiMs: number };

/** A server action's request: Next's client sends it as a POST carrying a `Next-Action` header. */
export function isServerActionPost(request: { method(): string; headers(): Record<string, string> }): boolean {
  return request.method() === "POST" && "next-action" in request.headers();
}

/** Clicks, then waits for the server action's answer and for `shown` to appear. */
export async function timeAction(page: Page, click: () => Promise<void>, shown: Locator): Promise<ActionSample> {
  // The answer's headers, not its last byte: Playwright's requestfinished and response.finished()
  // sometimes never settle for an action's streamed answer, and its body is gone once the action redirects.
  const answered = page.waitForResponse((response) => isServerActionPost(response.request()), { timeout: 60_000 });
  const started = performance.now();
  await click();
  const response = await answered;
  const postMs = performance.now() - started;
  if (response.status() !== 200) throw new Error(`server action answered HTTP ${response.status()} on ${page.url()}`);
  await shown.waitFor({ state: "visible", timeout: 60_000 });
  return { postMs, uiMs: performance.now() - started };
}

/** The nearest-rank quantile: with 20 samples, p95 is the 19th smallest. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

/** Runs `once` `warmup` times unmeasured, then `runs` times measured, passing each run's index (warm-up runs first). */
export async function measure(warmup: number, runs: number, once: (index: number) => Promise<ActionSample>): Promise<ActionSample[]> {
  for (let i = 0; i < warmup; i++) await once(i);
  const samples: ActionSample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once(warmup + i));
  return samples;
}

const TARGET_MS = 300;

/** Prints one line per action: the POST's p50, p95 and max, the same to the outcome on screen, and the target. */
export function printActionTable(results: { name: string; samples: ActionSample[] }[]): void {
  const figures = (values: number[]) => `${[0.5, 0.95].map((q) => quantile(values, q).toFixed(0).padStart(5)).join(" ")} ${Math.max(...values).toFixed(0).padStart(5)}`;
  console.log(`\n${"action".padEnd(24)} ${"n".padStart(3)}   POST answered (ms)     to the outcome shown (ms)   p95 ≤ ${TARGET_MS} ms`);
  console.log(`${"".padEnd(24)} ${"".padStart(3)}     p50   p95   max        p50   p95   max`);
  for (const { name, samples } of results) {
    const post = samples.map((s) => s.postMs);
    const met = quantile(post, 0.95) <= TARGET_MS ? "met" : "MISSED";
    console.log(`${name.padEnd(24)} ${String(samples.length).padStart(3)}   ${figures(post)}      ${figures(samples.map((s) => s.uiMs))}   ${met}`);
  }
}

import type { Locator, Page } from "@playwright/test";

/**
 * One server action as a person lives it, on the browser's clock: from the click to the action's
 * POST leaving (`browserMs`: React's work before the request), from then to the last byte of its
 * answer (`serverMs`: the action, then the page Next renders into the same answer, over loopback),
 * and from then to the outcome on screen (`uiMs`: the client applying the answer).
 */
export type ActionSample = { browserMs: number; serverMs: number; uiMs: number; totalMs: number };

/** A server action's request: Next's client sends it as a POST carrying a `Next-Action` header. */
export function isServerActionPost(request: { method(): string; headers(): Record<string, string> }): boolean {
  return request.method() === "POST" && "next-action" in request.headers();
}

declare global {
  interface Window {
    __benchClickAt?: number;
  }
}

/** Records, in every page of the context, when the last click reached the document (its event's timestamp). */
export async function recordClicks(page: Page): Promise<void> {
  await page.context().addInitScript(() => {
    window.addEventListener("click", (event) => (window.__benchClickAt = event.timeStamp), { capture: true });
  });
}

type Timeline = { clickAt: number | null; fetches: { fetchStart: number; responseEnd: number }[] };

/**
 * Clicks, then waits for the server action's answer and for `shown` to appear. The outcome's moment
 * is read once Playwright has seen it: one round trip to the browser late, a few ms on loopback.
 */
export async function timeAction(page: Page, click: () => Promise<void>, shown: Locator): Promise<ActionSample> {
  await page.evaluate(() => {
    performance.clearResourceTimings();
    window.__benchClickAt = undefined;
  });
  // Pages may call actions of their own (the editor loads its discussion so): only one sent after the click counts.
  let clicked = false;
  const sent = page.waitForRequest((request) => clicked && isServerActionPost(request), { timeout: 60_000 });
  clicked = true;
  const [request] = await Promise.all([sent, click()]);
  const response = await request.response();
  if (!response) throw new Error(`server action failed on ${page.url()}: ${request.failure()?.errorText}`);
  if (response.status() !== 200) throw new Error(`server action answered HTTP ${response.status()} on ${page.url()}`);
  await shown.waitFor({ state: "visible", timeout: 60_000 });
  const shownAt = await page.evaluate(() => performance.now());
  const url = response.url();
  // A fetch's resource entry appears once its body is read: wait for the action's, not a later navigation's.
  await page.waitForFunction(
    (actionUrl) => performance.getEntriesByType("resource").some((e) => e.name === actionUrl && e.startTime >= (window.__benchClickAt ?? Infinity)),
    url,
    { timeout: 10_000 },
  );
  const timeline: Timeline = await page.evaluate((actionUrl) => ({
    clickAt: window.__benchClickAt ?? null,
    fetches: (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      .filter((e) => e.name === actionUrl && e.initiatorType === "fetch" && e.fetchStart >= (window.__benchClickAt ?? Infinity))
      .map((e) => ({ fetchStart: e.fetchStart, responseEnd: e.responseEnd })),
  }), url);
  const action = timeline.fetches[0];
  if (timeline.clickAt === null || !action) throw new Error(`no click or no timing of the action's POST on ${page.url()}`);
  return {
    browserMs: action.fetchStart - timeline.clickAt,
    serverMs: action.responseEnd - action.fetchStart,
    uiMs: Math.max(0, shownAt - action.responseEnd),
    totalMs: shownAt - timeline.clickAt,
  };
}

/**
 * Runs `run` under Chromium's tracing and writes the trace to `file` (open it in DevTools'
 * Performance panel): where the browser's milliseconds go, script, style, layout and paint alike.
 */
export async function traced<T>(page: Page, file: string, run: () => Promise<T>): Promise<T> {
  const browser = page.context().browser();
  if (!browser) throw new Error("tracing needs a browser that Playwright launched");
  await browser.startTracing(page, { path: file, screenshots: false, categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "disabled-by-default-v8.cpu_profiler", "blink.user_timing"] });
  try {
    return await run();
  } finally {
    await browser.stopTracing();
  }
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
const PARTS = [
  ["browser", "browserMs"],
  ["server", "serverMs"],
  ["UI", "uiMs"],
  ["total", "totalMs"],
] as const;

/**
 * Prints one line per action: p50, p95 and max of each part and of the whole, and whether the
 * whole, from the click to the outcome on screen, meets the target at p95.
 */
export function printActionTable(results: { name: string; samples: ActionSample[] }[]): void {
  const cell = (values: number[]) => [quantile(values, 0.5), quantile(values, 0.95), Math.max(...values)].map((v) => v.toFixed(0).padStart(5)).join("");
  console.log(`\n${"".padEnd(24)} ${"".padStart(3)} ${PARTS.map(([label]) => `${label} (ms)`.padStart(18)).join("")}   total`);
  console.log(`${"action".padEnd(24)} ${"n".padStart(3)} ${PARTS.map(() => "p50  p95  max".padStart(18)).join("")}   p95 ≤ ${TARGET_MS} ms`);
  for (const { name, samples } of results) {
    const cells = PARTS.map(([, key]) => `   ${cell(samples.map((s) => s[key]))}`).join("");
    const met = quantile(samples.map((s) => s.totalMs), 0.95) <= TARGET_MS ? "met" : "MISSED";
    console.log(`${name.padEnd(24)} ${String(samples.length).padStart(3)} ${cells}   ${met}`);
  }
}

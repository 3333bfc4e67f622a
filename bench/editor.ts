import crypto from "node:crypto";
import os from "node:os";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { makeTempDir, removeTempDir } from "./support/processes";
import { ordinaryFicheState } from "./support/sim-client";
import { addFiche, addUser, openBenchDb, sessionCookie } from "./support/wiki-data";
import { startWikiServer, type WikiServer } from "./support/wiki-server";

/**
 * How long the fiche editor takes to open, from the navigation's start to "editable": the body is
 * contenteditable, the socket has synced and the save status reads « Enregistré ». Measured in the
 * page (performance.now(), a MutationObserver), in Chromium launched as playwright.config.ts does,
 * against the production entry point server/index.ts on loopback.
 * - first: the very first open after the server started (its routes and the fiche never served yet);
 * - cold: a new browser context each time (empty HTTP cache), a fiche the server has not loaded;
 * - warm: one browser context that has opened the editor once, then another fiche's editor each time.
 * Env: BENCH_OPENS (opens per series, default 20).
 */

const OPENS = Number(process.env.BENCH_OPENS || 20);

type Open = { ttfb: number; domContentLoaded: number; editable: number; scripts: number; scriptKb: number };

// Runs in the page before its own scripts: stamps the first moment the editor is editable and saved.
const WATCH_EDITABLE = `(() => {
  const done = () => {
    const body = document.querySelector('#fiche-contenu[contenteditable="true"]');
    const status = document.querySelector(".save-status");
    return body && status && status.textContent.trim() === "Enregistré";
  };
  const check = () => {
    if (window.__editableAt === undefined && done()) window.__editableAt = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

const EDITABLE_TIMEOUT_MS = 30_000;

/** One open; null when the editor was not editable and saved within EDITABLE_TIMEOUT_MS. */
async function openEditor(context: BrowserContext, url: string): Promise<Open | null> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: "commit" });
    try {
      await page.waitForFunction(() => (window as { __editableAt?: number }).__editableAt !== undefined, null, { timeout: EDITABLE_TIMEOUT_MS });
    } catch {
      return null;
    }
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((r) => r.initiatorType === "script" || r.name.endsWith(".js"));
      return {
        ttfb: nav.responseStart,
        domContentLoaded: nav.domContentLoadedEventEnd,
        editable: (window as { __editableAt?: number }).__editableAt!,
        scripts: scripts.length,
        scriptKb: scripts.reduce((sum, r) => sum + r.encodedBodySize, 0) / 1024,
      };
    });
  } finally {
    await page.close();
  }
}

async function newContext(browser: Browser, server: WikiServer, cookie: string): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: "fr-FR" });
  const [name, ...value] = cookie.split("=");
  await context.addCookies([{ name, value: value.join("="), url: server.baseUrl }]);
  await context.addInitScript(WATCH_EDITABLE);
  return context;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function report(name: string, results: (Open | null)[]): void {
  const opens = results.filter((o): o is Open => o !== null);
  const failed = results.length - opens.length;
  if (failed > 0) console.log(`  ${name}: ${failed} of ${results.length} opens never showed an editable, saved editor within ${EDITABLE_TIMEOUT_MS / 1000} s`);
  if (opens.length === 0) return;
  const line = (what: string, pick: (o: Open) => number) => `${what} p50 ${quantile(opens.map(pick), 0.5).toFixed(0)} ms, p95 ${quantile(opens.map(pick), 0.95).toFixed(0)} ms`;
  const last = opens[opens.length - 1];
  console.log(
    `  ${name.padEnd(6)} (${String(opens.length).padStart(2)} opens)  editable ${line("", (o) => o.editable).trim()}   |   ` +
      `${line("first byte", (o) => o.ttfb)}   ${line("DOMContentLoaded", (o) => o.domContentLoaded)}   ` +
      `${last.scripts} scripts, ${last.scriptKb.toFixed(0)} KB transferred on the last open`,
  );
}

/** Runs the benchmark and prints its figures. */
export async function run(): Promise<void> {
  console.log(
    `editor: Chromium (/usr/bin/chromium) against server/index.ts (NODE_ENV=production) on loopback, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}.\n` +
      "Left out: network latency and bandwidth (loopback, no TLS, no compression proxy), a slower CPU than this machine's, " +
      "signing in, fonts and images after the editor is editable, other people editing the same fiches.",
  );
  const dataDir = makeTempDir("wiki-bench-editor-");
  const secret = crypto.randomBytes(32).toString("base64url");
  const db = openBenchDb(dataDir);
  const editor = addUser(db, { name: "Élise Éditrice", email: "elise@exemple.fr" });
  // Ordinary fiches (~4 KB of text), one per open, so that every open loads its document on the server.
  const slugs = Array.from({ length: 2 * OPENS + 2 }, (_, n) => addFiche(db, { titre: `Fiche ${n}`, state: ordinaryFicheState(n), createdBy: editor.id }).slug);
  db.$client.close();
  const cookie = await sessionCookie(secret, editor);

  let server: WikiServer | null = null;
  let browser: Browser | null = null;
  try {
    server = await startWikiServer({ dataDir, secret });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"],
    });
    const url = (i: number) => `${server!.baseUrl}/fiches/${slugs[i]}/modifier`;
    let next = 0;

    const firstContext = await newContext(browser, server, cookie);
    const first = await openEditor(firstContext, url(next++));
    await firstContext.close();

    const cold: (Open | null)[] = [];
    for (let i = 0; i < OPENS; i++) {
      const context = await newContext(browser, server, cookie);
      cold.push(await openEditor(context, url(next++)));
      await context.close();
    }

    const warmContext = await newContext(browser, server, cookie);
    await openEditor(warmContext, url(next++));
    const warm: (Open | null)[] = [];
    for (let i = 0; i < OPENS; i++) warm.push(await openEditor(warmContext, url(next++)));
    await warmContext.close();

    console.log(`\nOpen to editable (from the navigation's start, in the page):`);
    report("first", [first]);
    report("cold", cold);
    report("warm", warm);
    const warmEditable = warm.filter((o): o is Open => o !== null).map((o) => o.editable);
    if (warmEditable.length > 0) console.log(`\n  warm p50 / target 1000 ms: ${(quantile(warmEditable, 0.5) / 1000).toFixed(2)}×`);
  } finally {
    await browser?.close();
    await server?.stop();
    removeTempDir(dataDir);
  }
}

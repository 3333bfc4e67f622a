import crypto from "node:crypto";
import os from "node:os";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/chromium";
import { makeTempDir, removeTempDir } from "./support/processes";
import { ordinaryFicheState } from "./support/sim-client";
import { addFiche, addUser, openBenchDb, sessionCookie } from "./support/wiki-data";
import { startWikiServer, type WikiServer } from "./support/wiki-server";

/**
 * How long the fiche editor takes to open, from the navigation's start to "editable": the body is
 * contenteditable, the socket has synced and the save status reads « Enregistré ». Measured in the
 * page (performance.now(), a MutationObserver), in Chromium launched as e2e/chromium.ts says,
 * against the production entry point server/index.ts on loopback. The milestones on the way (HTML,
 * scripts, the socket, the body) show where the time goes; each is a p50 of its own, so they need
 * not add up. The discussion in the margin loads once the editor is open: its milestone comes after.
 * - first: the very first open after the server started (its routes and the fiche never served yet);
 * - cold: a new browser context each time (empty HTTP cache), a fiche the server has not loaded;
 * - warm: one browser context that has opened the editor once, then another fiche's editor each time.
 * Env: BENCH_OPENS (opens per series, default 20), BENCH_PORT (the server's port, else a free one).
 */

const OPENS = Number(process.env.BENCH_OPENS || 20);

/** Milestones of one open, in ms from the navigation's start. */
type Open = {
  ttfb: number;
  domContentLoaded: number;
  /** The last script fetched before the editor was editable: its response's end. */
  scriptsLoaded: number;
  /** The collaboration socket: created, open, first message received. */
  socketCreated: number;
  socketOpen: number;
  firstMessage: number;
  /** The body is contenteditable (the rich-text editor is mounted). */
  body: number;
  /** The body is contenteditable and the save status reads « Enregistré » (synced). */
  editable: number;
  /** The discussion in the margin has loaded its threads (NaN if not within DISCUSSION_TIMEOUT_MS). */
  discussion: number;
  scripts: number;
  /** Of those, the ones served from the browser's cache (nothing transferred). */
  cachedScripts: number;
  /** Bytes of script that crossed the network (headers and compressed bodies). */
  scriptKb: number;
};

// Runs in the page before its own scripts: stamps when the socket opens and speaks, and the first
// moment the body is editable, then editable and saved.
const WATCH_EDITABLE = `(() => {
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      if (!String(url).includes("/_collab/") || window.__socketCreatedAt !== undefined) return;
      window.__socketCreatedAt = performance.now();
      this.addEventListener("open", () => (window.__socketOpenAt = performance.now()), { once: true });
      this.addEventListener("message", () => (window.__firstMessageAt = performance.now()), { once: true });
    }
  };
  const check = () => {
    const body = document.querySelector('#fiche-contenu[contenteditable="true"]');
    if (!body) return;
    if (window.__bodyAt === undefined) window.__bodyAt = performance.now();
    const status = document.querySelector(".save-status");
    if (window.__editableAt === undefined && status && status.textContent.trim() === "Enregistré") window.__editableAt = performance.now();
    if (window.__discussionAt !== undefined) return;
    // The bench's fiches have no threads: once loaded, the discussion says so.
    const discussion = document.querySelector('[aria-labelledby="editeur-discussion-titre"]');
    if (discussion && discussion.textContent.includes("Aucune discussion pour l'instant.")) window.__discussionAt = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

const EDITABLE_TIMEOUT_MS = 30_000;
const DISCUSSION_TIMEOUT_MS = 10_000;

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
    await page.waitForFunction(() => (window as { __discussionAt?: number }).__discussionAt !== undefined, null, { timeout: DISCUSSION_TIMEOUT_MS }).catch(() => undefined);
    return await page.evaluate(() => {
      const stamps = window as unknown as Record<"__socketCreatedAt" | "__socketOpenAt" | "__firstMessageAt" | "__bodyAt" | "__editableAt" | "__discussionAt", number | undefined>;
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const editable = stamps.__editableAt!;
      const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter(
        (r) => (r.initiatorType === "script" || r.name.endsWith(".js")) && r.startTime < editable,
      );
      return {
        ttfb: nav.responseStart,
        domContentLoaded: nav.domContentLoadedEventEnd,
        scriptsLoaded: Math.max(0, ...scripts.map((r) => r.responseEnd)),
        socketCreated: stamps.__socketCreatedAt ?? NaN,
        socketOpen: stamps.__socketOpenAt ?? NaN,
        firstMessage: stamps.__firstMessageAt ?? NaN,
        body: stamps.__bodyAt!,
        editable,
        discussion: stamps.__discussionAt ?? NaN,
        scripts: scripts.length,
        cachedScripts: scripts.filter((r) => r.transferSize === 0).length,
        scriptKb: scripts.reduce((sum, r) => sum + r.transferSize, 0) / 1024,
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
  // A milestone an open never reached (NaN) is left out of its quantiles, and said.
  const at = (pick: (o: Open) => number, q: number) => {
    const values = opens.map(pick).filter(Number.isFinite);
    return (values.length > 0 ? quantile(values, q).toFixed(0) : "—").padStart(5);
  };
  const p50 = (pick: (o: Open) => number) => at(pick, 0.5);
  const p95 = (pick: (o: Open) => number) => {
    const missing = opens.filter((o) => !Number.isFinite(pick(o))).length;
    return at(pick, 0.95) + (missing > 0 ? `  (not reached in ${missing})` : "");
  };
  const last = opens[opens.length - 1];
  const milestones: [string, (o: Open) => number][] = [
    ["first byte", (o) => o.ttfb],
    ["DOMContentLoaded", (o) => o.domContentLoaded],
    ["scripts loaded", (o) => o.scriptsLoaded],
    ["socket created", (o) => o.socketCreated],
    ["socket open", (o) => o.socketOpen],
    ["first message", (o) => o.firstMessage],
    ["body editable", (o) => o.body],
    ["editable and saved", (o) => o.editable],
    ["discussion loaded", (o) => o.discussion],
  ];
  console.log(
    `  ${name} (${opens.length} opens; on the last, ${last.scripts} scripts before editable, ${last.cachedScripts} of them from the browser's cache, ${last.scriptKb.toFixed(0)} KB transferred): p50 / p95 ms`,
  );
  for (const [what, pick] of milestones) console.log(`    ${what.padEnd(19)} ${p50(pick)} / ${p95(pick)}`);
}

/** Runs the benchmark and prints its figures. */
export async function run(): Promise<void> {
  console.log(
    `editor: Chromium (/usr/bin/chromium, launched as e2e/chromium.ts says, without the pages of its omnibox popup) against server/index.ts (NODE_ENV=production) on loopback, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}.\n` +
      "Left out: network latency and bandwidth (loopback, no TLS, no compression proxy), a slower CPU than this machine's, " +
      "signing in, fonts and images after the editor is editable, other people editing the same fiches; " +
      "the discussion in the margin waits for the editor to be open and is timed after it.",
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
    browser = await chromium.launch(chromiumLaunchOptions);
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

import crypto from "node:crypto";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Locator, type Page } from "@playwright/test";
import { openDatabase } from "@/db/client";
import { getViewerById } from "@/db/queries/viewer";
import { createCatalogue, setCatalogueStatut } from "@/server/catalogue";
import { addFicheToModule, addModule } from "@/server/catalogue-module";
import { measure, printActionTable, traced, recordClicks, timeAction, type ActionSample } from "./support/action-timing";
import { chromiumLaunchOptions } from "../e2e/chromium";
import { makeTempDir, removeTempDir, sleep } from "./support/processes";
import { addUser, sessionCookie } from "./support/wiki-data";
import { startWikiServer, timedGet, type WikiServer } from "./support/wiki-server";

/**
 * How long each server action takes for the person who clicks, with the real seed content (the
 * Livre blanc and the documents that followed it, imported by server/index.ts at its first start):
 * in Chromium launched as e2e/chromium.ts says, against the production entry point, split on
 * the browser's clock into browser (click to the POST leaving), server (to its last byte: the action
 * and the page Next renders into its answer) and UI (to the outcome on screen).
 * Target: click to outcome p95 ≤ 300 ms. Also: the first (cold) and warm GET of /acteurs.
 * Env: BENCH_RUNS (measured runs per action, default 20), BENCH_WARMUP (unmeasured runs first, default 3),
 * BENCH_ACTIONS (some of report, publish, hide, merge, catalogue; all by default), BENCH_BROWSER_TRACE_DIR
 * (writes there a Chromium trace of each action, click to outcome: what the browser part and the UI part spend;
 * tracing slows the browser, so such a run's figures are not to be compared with others).
 */

const RUNS = Number(process.env.BENCH_RUNS || 20);
const WARMUP = Number(process.env.BENCH_WARMUP || 3);
const MODULES = 10;
const GROUP_NAMES = ["report", "publish", "hide", "merge", "catalogue"];
// To time some actions alone while looking into them, e.g. BENCH_ACTIONS=hide,catalogue.
const GROUPS = new Set(process.env.BENCH_ACTIONS ? process.env.BENCH_ACTIONS.split(",") : GROUP_NAMES);

type Plan = { hide: Fiche; publish: Fiche; mergeTarget: Fiche; mergeSources: Fiche[]; reports: Fiche[]; catalogueSlug: string; firstModule: string };
type Fiche = { id: number; slug: string; titre: string; citers: number };

const TRACE_DIR = process.env.BENCH_BROWSER_TRACE_DIR;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Writes, beside the running server, what the actions need: a moderator, and a public catalogue
 * of every published fiche in 10 modules (a trainer's largest plausible one). Picks the fiches the
 * most links point to for hide, publish and merge: those are the ones whose change reaches furthest.
 */
async function prepare(dataDir: string): Promise<{ plan: Plan; moderator: { id: number; name: string; email: string } }> {
  const db = openDatabase(path.join(dataDir, "wiki.sqlite"));
  try {
    const moderator = addUser(db, { name: "Mona Modératrice", email: "mona@exemple.fr", role: "moderateur" });
    const published = db.$client
      .prepare(
        `SELECT f.id, f.slug, f.titre, (SELECT count(DISTINCT l.fiche_id) FROM fiche_link l WHERE l.target_fiche_id = f.id) AS citers
         FROM fiche f WHERE f.statut = 'publiee' AND f.masquee = 0 AND f.redirect_to_id IS NULL ORDER BY citers DESC, f.id`,
      )
      .all() as Fiche[];
    const needed = 3 + 2 * (WARMUP + RUNS);
    if (published.length < needed) throw new Error(`the seed has ${published.length} published fiches; this run needs ${needed}`);
    const [hide, publish, mergeTarget] = published;
    const rest = published.slice(3);
    const viewer = getViewerById(db, moderator.id)!;
    const catalogue = createCatalogue(db, viewer, { titre: "Former les bénévoles à l'accompagnement numérique", description: "Banc d'essai", publicVise: "", objectifs: "", duree: "" });
    const modules = Array.from({ length: MODULES }, (_, m) => addModule(db, viewer, catalogue.id, { titre: `Module ${m + 1}`, description: "" }).id);
    published.slice(0, 200).forEach((f, i) => addFicheToModule(db, viewer, catalogue.id, { moduleId: modules[i % MODULES], ficheId: f.id, note: "Pourquoi cette fiche.", duree: "30 min" }));
    setCatalogueStatut(db, viewer, catalogue.id, "public");
    const plan = {
      hide,
      publish,
      mergeTarget,
      mergeSources: rest.slice(0, WARMUP + RUNS),
      reports: rest.slice(WARMUP + RUNS, 2 * (WARMUP + RUNS)),
      catalogueSlug: catalogue.slug,
      firstModule: "Module 1",
    };
    return { plan, moderator };
  } finally {
    db.$client.close();
  }
}

/** Waits until the server has used under 50 ms of CPU in each of two half-seconds (the seed's after-work is done). */
async function waitForQuiet(server: WikiServer): Promise<void> {
  let quiet = 0;
  let last = server.cpuSeconds();
  for (let i = 0; i < 240 && quiet < 2; i++) {
    await sleep(500);
    const now = server.cpuSeconds();
    quiet = now - last < 0.05 ? quiet + 1 : 0;
    last = now;
  }
}

async function acteursFigures(server: WikiServer): Promise<string> {
  const agent = new http.Agent({ keepAlive: true });
  const first = await timedGet(agent, `${server.baseUrl}/acteurs`);
  const warm: number[] = [];
  for (let i = 0; i < 10; i++) warm.push((await timedGet(agent, `${server.baseUrl}/acteurs`)).ms);
  agent.destroy();
  warm.sort((a, b) => a - b);
  return `/acteurs (anonymous GET, to the last byte): first after start ${first.ms.toFixed(0)} ms (HTTP ${first.status}), then median of 10 ${warm[5].toFixed(0)} ms`;
}

function flows(page: Page, plan: Plan) {
  let traces = 0;
  const time = (name: string, click: () => Promise<void>, shown: Locator) =>
    TRACE_DIR
      ? traced(page, path.join(TRACE_DIR, `${String(++traces).padStart(3, "0")}-${name}.json`), () => timeAction(page, click, shown))
      : timeAction(page, click, shown);
  const moderation = () => page.getByRole("region", { name: "Modération" });
  const status = (text: string | RegExp) => page.getByRole("status").filter({ hasText: text });
  return {
    report: async (i: number) => {
      await page.goto(`/fiches/${plan.reports[i].slug}`);
      await page.getByText("Signaler un problème", { exact: true }).click();
      await page.getByLabel("Information obsolète").check();
      await page.getByLabel("Commentaire (facultatif)").fill(`Les horaires ont changé (${i}).`);
      return time("report", () => page.getByRole("button", { name: "Envoyer le signalement" }).click(), page.getByText("Merci, votre signalement a été transmis"));
    },
    archive: async () => {
      await page.goto(`/fiches/${plan.publish.slug}/modifier`);
      return time("archive", () => page.getByRole("button", { name: "Archiver la fiche" }).click(), page.getByText("La fiche est archivée."));
    },
    publish: async () => {
      await page.goto(`/fiches/${plan.publish.slug}/modifier`);
      return time("publish", () => page.getByRole("button", { name: "Republier la fiche" }).click(), page.getByText("La fiche est publiée."));
    },
    hide: async () => {
      await page.goto(`/fiches/${plan.hide.slug}`);
      return time("hide", () => moderation().getByRole("button", { name: "Masquer la fiche" }).click(), status("La fiche est masquée"));
    },
    unhide: async () => {
      await page.goto("/moderation?vue=masquees");
      return time("unhide", () => page.getByRole("button", { name: "Rendre visible" }).click(), status("La fiche est de nouveau visible"));
    },
    merge: async (i: number) => {
      await page.goto(`/fiches/${plan.mergeSources[i].slug}`);
      await moderation().getByText("Fusionner avec…").click();
      await moderation().getByRole("combobox", { name: "Fiche qui remplace celle-ci" }).fill(plan.mergeTarget.titre.slice(0, 60));
      await moderation().getByRole("option", { name: new RegExp(escape(plan.mergeTarget.titre.slice(0, 60))) }).first().click();
      return time("merge", () => moderation().getByRole("button", { name: "Fusionner", exact: true }).click(), status("Les fiches sont fusionnées"));
    },
    duplicate: async () => {
      await page.goto(`/catalogues/${plan.catalogueSlug}`);
      return time("duplicate", () => page.getByRole("button", { name: "Dupliquer pour l'adapter" }).click(), status("Votre copie est prête"));
    },
    // On the copy's editor the duplicate led to.
    addModule: async (i: number) => {
      await page.getByLabel("Titre du nouveau module").fill(`Module ajouté ${i}`);
      return time("addModule", () => page.getByRole("button", { name: "Ajouter le module" }).click(), status(`Le module « Module ajouté ${i} » a été ajouté.`));
    },
    reorderModule: () =>
      time("reorderModule", () => page.getByRole("button", { name: `Descendre le module ${plan.firstModule}`, exact: true }).click(), status(`Le module « ${plan.firstModule} » est maintenant en position 2`)),
    // The first row's options are opened first (not timed): its « Descendre » is there.
    reorderItem: async () => {
      await page.getByRole("button", { name: /^Options de / }).first().click();
      return time("reorderItem", () => page.getByRole("button", { name: /^Descendre (?!le module)/ }).first().click(), status(/: position 2 sur/));
    },
  };
}

/** Runs the benchmark and prints its figures. */
export async function run(): Promise<void> {
  console.log(
    `actions: Chromium (/usr/bin/chromium, launched as e2e/chromium.ts says, without the pages of its omnibox popup) against server/index.ts (NODE_ENV=production) on loopback, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}; ` +
      `${WARMUP} warm-up runs, then ${RUNS} measured runs per action, one after the other by one moderator.\n` +
      "Left out: network latency and bandwidth (loopback, no TLS, no proxy), other people using the wiki meanwhile, people editing " +
      "fiches live (the projection worker is idle), a slower CPU than this one, and the page load before each click. " +
      "Parts, on the browser's clock: browser = click to the POST leaving, server = to its last byte (the action, then the " +
      "page Next renders into the answer), UI = to the outcome on screen (read one round trip to the browser late).",
  );
  const dataDir = makeTempDir("wiki-bench-actions-");
  const secret = crypto.randomBytes(32).toString("base64url");
  let server: WikiServer | null = null;
  let browser: Browser | null = null;
  try {
    server = await startWikiServer({ dataDir, secret });
    const acteurs = await acteursFigures(server);
    const { plan, moderator } = await prepare(dataDir);
    await waitForQuiet(server);
    console.log(
      `Seed content; hide: « ${plan.hide.titre} » (cited by ${plan.hide.citers} fiches), publish: « ${plan.publish.titre} » (${plan.publish.citers}), ` +
        `merge into « ${plan.mergeTarget.titre} » (${plan.mergeTarget.citers}); duplicate: a public catalogue of ${MODULES} modules.`,
    );

    browser = await chromium.launch(chromiumLaunchOptions);
    const context = await browser.newContext({ locale: "fr-FR", baseURL: server.baseUrl });
    const [name, ...value] = (await sessionCookie(secret, moderator)).split("=");
    await context.addCookies([{ name, value: value.join("="), url: server.baseUrl }]);
    // A flow whose button or message never comes fails the run instead of waiting forever.
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    // A flow that lands on the error page fails on a missing message: print the browser's own reason.
    page.on("pageerror", (error) => console.error(`page error on ${page.url()}: ${error.stack ?? error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") console.error(`console error on ${page.url()}: ${message.text()}`);
    });
    await recordClicks(page);
    const act = flows(page, plan);

    const results: { name: string; samples: ActionSample[] }[] = [];
    if (GROUPS.has("report")) results.push({ name: "report (signalement)", samples: await measure(WARMUP, RUNS, act.report) });
    if (GROUPS.has("publish")) {
      const archive: ActionSample[] = [];
      results.push({ name: "publish (republish)", samples: await measure(WARMUP, RUNS, async () => (archive.push(await act.archive()), act.publish())) });
      results.push({ name: "  archive, before each", samples: archive.slice(WARMUP) });
    }
    if (GROUPS.has("hide")) {
      const unhide: ActionSample[] = [];
      results.push({ name: "hide (masquer)", samples: await measure(WARMUP, RUNS, async () => { const hidden = await act.hide(); unhide.push(await act.unhide()); return hidden; }) });
      results.push({ name: "  unhide, after each", samples: unhide.slice(WARMUP) });
    }
    if (GROUPS.has("merge")) results.push({ name: "merge (fusionner)", samples: await measure(WARMUP, RUNS, act.merge) });
    if (GROUPS.has("catalogue")) {
      const added: ActionSample[] = [];
      const movedModules: ActionSample[] = [];
      const movedItems: ActionSample[] = [];
      const duplicated = await measure(WARMUP, RUNS, async (i) => {
        const copy = await act.duplicate();
        added.push(await act.addModule(i));
        movedModules.push(await act.reorderModule());
        movedItems.push(await act.reorderItem());
        return copy;
      });
      results.push({ name: "duplicate (catalogue)", samples: duplicated });
      results.push({ name: "add module", samples: added.slice(WARMUP) });
      results.push({ name: "reorder (module)", samples: movedModules.slice(WARMUP) });
      results.push({ name: "reorder (item)", samples: movedItems.slice(WARMUP) });
    }
    printActionTable(results);
    console.log(`\n${acteurs}`);
  } finally {
    await browser?.close();
    await server?.stop();
    removeTempDir(dataDir);
  }
}

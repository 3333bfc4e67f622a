/*
 * `npm run screens`: the whole product in a minute. Starts the built wiki the way the end-to-end
 * tests do (playwright.config.ts: same command, environment and browser), on a fresh DATA_DIR,
 * adds six lieux so that the map has markers, and writes full-page screenshots at 1366 px and
 * 320 px to screens/ (git-ignored), with the browser offline. Needs `npm run build` first.
 */
import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { screensLieuxCsv } from "./screens-lieux";

const OUT_DIR = path.resolve("screens");
const WIDTHS = [
  { width: 1366, height: 768 },
  { width: 320, height: 640 },
];

function fail(message: string): never {
  console.error(`npm run screens : ${message}`);
  process.exit(1);
}

if (!fs.existsSync(".next/BUILD_ID")) fail("aucune version compilée. Lancez d'abord « npm run build ».");

// playwright.config.ts reads these when it is loaded: a DATA_DIR of our own, and a port away from the tests'.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wiki-screens-"));
process.env.E2E_DATA_DIR = dataDir;
process.env.E2E_PORT ||= process.env.SCREENS_PORT || "3300";
const { default: config } = await import("../playwright.config");
const baseURL = config.use!.baseURL!;
const webServer = Array.isArray(config.webServer) ? config.webServer[0] : config.webServer!;

/** The wiki's CLI on our DATA_DIR, as an administrator would run it on the server. */
function wiki(args: string[], input?: string): void {
  execFileSync("node_modules/.bin/tsx", ["server/cli.ts", ...args], {
    input,
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ["pipe", "pipe", "pipe"],
  });
}

class ScreensError extends Error {}

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new ScreensError(`le wiki s'est arrêté (code ${server.exitCode}).`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new ScreensError(`le wiki n'a pas répondu sur ${url} en ${timeoutMs / 1000} s.`);
}

const server = spawn("sh", ["-c", webServer.command], {
  env: { ...process.env, ...webServer.env },
  stdio: ["ignore", "ignore", "pipe"],
  detached: true,
});
let serverLog = "";
server.stderr!.on("data", (chunk: Buffer) => (serverLog = (serverLog + chunk.toString()).slice(-4000)));

function stopServer(): void {
  // The shell's whole group: tsx runs the server in a child of its own.
  if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
}

/** Signs in through the sign-in form, as e2e/fixtures.ts does. */
async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/connexion");
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByRole("navigation", { name: "Mon compte" }).getByRole("link", { name: "Camille (captures)" }).waitFor({ state: "attached" });
}

/** The newest published fiche's address, from the list every visitor sees. */
async function firstFichePath(page: Page): Promise<string> {
  await page.goto("/fiches?type=pratique");
  const href = await page.getByRole("main").locator(".fiche-card a").first().getAttribute("href");
  if (!href) throw new ScreensError("aucune fiche publiée à montrer.");
  return href;
}

/** A catalogue of two modules, built through its form, and the address of its editor. */
async function buildCatalogue(page: Page): Promise<string> {
  await page.goto("/catalogues/nouveau");
  await page.getByLabel("Titre du catalogue").fill("Accueillir et orienter les personnes éloignées du numérique");
  await page.getByLabel("Description").fill("Deux journées pour les bénévoles des centres sociaux.");
  await page.getByLabel("Public visé").fill("Bénévoles des centres sociaux");
  await page.getByRole("button", { name: "Créer le catalogue" }).click();
  await page.getByRole("heading", { level: 1, name: /^Modifier/ }).waitFor();
  for (const titre of ["Accueillir la personne", "Orienter vers les bons lieux"]) {
    await page.getByLabel("Titre du nouveau module").fill(titre);
    await page.getByRole("button", { name: "Ajouter le module" }).click();
    await page.getByText(`Le module « ${titre} » a été ajouté.`).waitFor();
  }
  return new URL(page.url()).pathname;
}

async function shoot(browser: Browser, pages: { name: string; path: string; ready?: (page: Page) => Promise<void> }[], storageState?: string) {
  const written: string[] = [];
  for (const viewport of WIDTHS) {
    const context = await browser.newContext({ baseURL, locale: "fr-FR", viewport, storageState });
    // Offline, as e2e/carte-helpers.ts: the same pictures with or without a network (the map says its tiles failed).
    await context.route(/^https?:\/\/(?!localhost[:/])/, (route) => route.abort("internetdisconnected"));
    const page = await context.newPage();
    for (const shot of pages) {
      await page.goto(shot.path);
      await shot.ready?.(page);
      await page.evaluate(() => document.fonts.ready);
      const file = path.join(OUT_DIR, `${shot.name}-${viewport.width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      written.push(file);
    }
    await context.close();
  }
  return written;
}

let browser: Browser | null = null;
try {
  await waitForServer(`${baseURL}/`, webServer.timeout ?? 120_000);
  const user = { email: `captures-${randomUUID().slice(0, 8)}@exemple.fr`, password: `phrase de passe ${randomUUID()}` };
  wiki(["user:add", "--email", user.email, "--name", "Camille (captures)", "--role", "moderateur"], `${user.password}\n`);
  const csv = path.join(dataDir, "lieux-captures.csv");
  fs.writeFileSync(csv, screensLieuxCsv());
  wiki(["import-lieux", csv]);

  browser = await chromium.launch(config.use!.launchOptions);
  fs.mkdirSync(OUT_DIR, { recursive: true });

  const setup = await browser.newPage({ baseURL, locale: "fr-FR" });
  const fiche = await firstFichePath(setup);
  await signIn(setup, user.email, user.password);
  const catalogueEditor = await buildCatalogue(setup);
  const session = path.join(dataDir, "session.json");
  await setup.context().storageState({ path: session });
  await setup.close();

  const mapReady = async (page: Page) => {
    await page.locator(".leaflet-marker-icon").first().waitFor();
  };
  const written = [
    ...(await shoot(browser, [
      { name: "accueil", path: "/" },
      { name: "fiche", path: fiche },
      { name: "carte", path: "/carte", ready: mapReady },
      { name: "orientation", path: "/orientation" },
    ])),
    ...(await shoot(
      browser,
      [
        { name: "editeur", path: `${fiche}/modifier`, ready: (page) => page.getByText("Enregistré", { exact: true }).waitFor() },
        { name: "catalogue-editeur", path: catalogueEditor },
      ],
      session,
    )),
  ];
  console.log(`${written.length} captures écrites :`);
  for (const file of written.sort()) console.log(`  ${path.relative(process.cwd(), file)}`);
} catch (error) {
  // The server's last words help only when the wiki itself failed, not when a page changed.
  console.error(`npm run screens : ${error instanceof Error ? error.message : String(error)}`);
  if (!(error instanceof ScreensError) || server.exitCode !== null) console.error(serverLog);
  process.exitCode = 1;
} finally {
  await browser?.close();
  stopServer();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

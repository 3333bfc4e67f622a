import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

export type TestUser = { name: string; email: string; password: string };

/** A never-seen-before person, so that no test depends on another's data. */
export function newUserData(prefix = "contrib"): TestUser {
  const id = randomUUID().slice(0, 8);
  return { name: `${prefix[0].toUpperCase()}${prefix.slice(1)} ${id}`, email: `${prefix}-${id}@exemple.fr`, password: `phrase de passe ${id}` };
}

/** Creates an account directly with the CLI, as an administrator of the instance would. */
export function createUserWithCli(user: TestUser, role: "contributeur" | "moderateur" | "admin"): void {
  // tsx itself, as `npm run wiki` runs it: npx would add its own start-up to every account.
  execFileSync("node_modules/.bin/tsx", ["server/cli.ts", "user:add", "--email", user.email, "--name", user.name, "--role", role], {
    input: `${user.password}\n`,
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR },
    stdio: ["pipe", "pipe", "pipe"],
  });
}

/** Signs up through the sign-up form; the wiki signs the new account in. */
export async function signUp(page: Page, user: TestUser): Promise<void> {
  await page.goto("/inscription");
  await page.getByLabel("Votre nom ou prénom").fill(user.name);
  await page.getByLabel("Adresse électronique").fill(user.email);
  await page.getByLabel("Mot de passe", { exact: false }).fill(user.password);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("navigation", { name: "Mon compte" }).getByRole("link", { name: user.name })).toBeVisible();
}

/** Signs in through the sign-in form. */
export async function signIn(page: Page, user: Pick<TestUser, "email" | "password">): Promise<void> {
  await page.goto("/connexion");
  await page.getByLabel("Adresse électronique").fill(user.email);
  await page.getByLabel("Mot de passe").fill(user.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

/** Signs in and waits until the header shows the person's name. */
export async function signInAs(page: Page, user: TestUser): Promise<void> {
  await signIn(page, user);
  await expect(page.getByRole("navigation", { name: "Mon compte" }).getByRole("link", { name: user.name })).toBeVisible();
}

/** Signs out from the header. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
}

/** Fails with the list of serious or critical accessibility violations axe finds on the page. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  // Next streams a dynamic page's metadata: under load, axe could otherwise run before <title> arrives.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    `accessibility violations on ${page.url()}`,
  ).toEqual([]);
}

/**
 * Every test records the uncaught exceptions and console errors of its pages, in the default context
 * and in those it opens itself, and prints them when it fails: a flaky failure that shows only the
 * app's error page then says which exception put it there.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ context, browser }, run, testInfo) => {
      const seen: string[] = [];
      const started = Date.now();
      const watchPage = (page: Page) => {
        const stamp = () => `+${((Date.now() - started) / 1000).toFixed(1)} s ${page.url()}`;
        page.on("pageerror", (error) => seen.push(`${stamp()} uncaught: ${error.stack ?? error.message}`));
        page.on("console", (message) => {
          if (message.type() === "error") seen.push(`${stamp()} console.error: ${message.text()}`);
        });
      };
      const watchContext = (watched: BrowserContext) => {
        watched.pages().forEach(watchPage);
        watched.on("page", watchPage);
      };
      watchContext(context);
      // Specs that need two people open contexts of their own.
      const newContext = browser.newContext;
      browser.newContext = async (...args) => {
        const created = await newContext.apply(browser, args);
        watchContext(created);
        return created;
      };
      try {
        await run(seen);
      } finally {
        browser.newContext = newContext;
      }
      if (seen.length > 0 && testInfo.status !== testInfo.expectedStatus) {
        const report = seen.join("\n");
        console.log(`Page errors during « ${testInfo.title} »:\n${report}`);
        await testInfo.attach("page-errors", { body: report, contentType: "text/plain" });
      }
    },
    { auto: true },
  ],
});
export { expect };

/** The page's own alert (Next's route announcer is an alert too, outside main). */
export function formAlert(page: Page) {
  return page.getByRole("main").getByRole("alert");
}

/** Creates and publishes a pratique observée through the UI; returns its slug, the editor left open. */
export async function createPublishedPratique(page: Page, titre: string): Promise<string> {
  await page.goto("/fiches/nouvelle");
  await page.getByRole("radio", { name: "Pratique observée" }).check();
  await page.getByRole("textbox", { name: "Titre (obligatoire)" }).fill(titre);
  await page.getByRole("button", { name: "Créer la fiche" }).click();
  await expect(page).toHaveURL(/\/fiches\/[^/]+\/modifier$/);
  await expect(page.getByText("Enregistré", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Publier la fiche" }).click();
  await expect(page.getByText("La fiche est publiée.")).toBeVisible();
  return /\/fiches\/([^/]+)\/modifier$/.exec(page.url())![1];
}

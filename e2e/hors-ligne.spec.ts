import type { Page } from "@playwright/test";
import { createUserWithCli, expect, expectNoSeriousA11yViolations, newUserData, signInAs, test } from "./fixtures";

// Playwright blocks service workers unless told otherwise; these tests are about one.
test.use({ serviceWorkers: "allow" });

/** The first of the home page's latest fiches: its address and title. */
async function firstFiche(page: Page): Promise<{ path: string; title: string }> {
  await page.goto("/");
  const link = page.getByRole("region", { name: "Les dernières fiches" }).getByRole("heading", { level: 3 }).first().getByRole("link");
  return { path: (await link.getAttribute("href"))!, title: (await link.textContent())!.trim() };
}

/** Waits until the service worker is active and answers this page's requests. */
async function waitForWorkerControl(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

const isCached = (page: Page, path: string) => page.evaluate((p) => caches.match(p).then((response) => response !== undefined), path);

test("a fiche read online reads offline; an unread page shows the offline page, which lists it", async ({ page, context }) => {
  const fiche = await firstFiche(page);
  await waitForWorkerControl(page);
  await page.goto(fiche.path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fiche.title);
  await expect.poll(() => isCached(page, fiche.path)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fiche.title);

  await page.goto("/acteurs");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vous êtes hors ligne");
  await expect(page).toHaveURL(/\/acteurs$/);
  await expect(page.getByRole("link", { name: "Réessayer" })).toHaveAttribute("href", /\/acteurs$/);
  const kept = page.getByRole("main").getByRole("list").getByRole("link", { name: fiche.title });
  await expect(kept).toHaveAttribute("href", fiche.path);
  await expectNoSeriousA11yViolations(page);

  await kept.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fiche.title);
  await context.setOffline(false);
});

test("the manifest names the wiki in French, with its icons, and the pages link to it", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = await (await request.get(href!)).json();
  expect(manifest).toMatchObject({ name: "Wiki de la Solidarité numérique", lang: "fr", display: "standalone", theme_color: "#005a70" });
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const response = await request.get(icon.src);
    expect(response.headers()["content-type"]).toBe(icon.type);
  }
});

test("a page seen while signed in is never kept for offline reading", async ({ page, context }) => {
  const user = newUserData();
  createUserWithCli(user, "contributeur");
  const fiche = await firstFiche(page);
  await waitForWorkerControl(page);
  await signInAs(page, user);
  expect(await page.evaluate(() => localStorage.getItem("wiki:appareil-partage"))).toBeNull();
  const response = await page.goto(fiche.path);
  expect(response!.headers()["x-wiki-session"]).toBe("1");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fiche.title);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vous êtes hors ligne");
  await expect(page.getByText("Aucune fiche n'est encore gardée sur cet appareil.")).toBeVisible();
  // The offline page itself was fetched without the session: it names nobody.
  await expect(page.getByRole("link", { name: user.name })).toHaveCount(0);
  await context.setOffline(false);
});

test("on a shared computer, signing out leaves nothing in IndexedDB or Cache Storage", async ({ page }) => {
  const user = newUserData();
  createUserWithCli(user, "contributeur");
  const fiche = await firstFiche(page);
  await waitForWorkerControl(page);
  await page.goto(fiche.path);
  await expect.poll(() => isCached(page, fiche.path)).toBe(true);

  await page.goto("/connexion");
  await page.getByLabel("Adresse électronique").fill(user.email);
  await page.getByLabel("Mot de passe").fill(user.password);
  const shared = page.getByRole("checkbox", { name: "Ordinateur partagé (ne rien garder sur cet appareil)" });
  await expect(shared).toHaveAccessibleDescription(/aucune fiche n'est gardée/);
  await shared.check();
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("navigation", { name: "Mon compte" }).getByRole("link", { name: user.name })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("wiki:appareil-partage"))).toBe("1");
  // A shared computer keeps nothing: the worker and the fiche it kept before the sign-in are gone.
  await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([]);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.getRegistrations().then((all) => all.length))).toBe(0);

  // Stands for the editor's copy of a fiche and for a cache: the sign-out must take both.
  await page.evaluate(async () => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open("fiche-42", 1);
      open.onupgradeneeded = () => open.result.createObjectStore("updates", { autoIncrement: true }).add("mise à jour");
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error);
    });
    localStorage.setItem("wiki:documents-locaux", JSON.stringify(["fiche-42"]));
    await (await caches.open("wiki-pages-essai")).put("/fiches/essai", new Response("<h1>Essai</h1>"));
  });
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toContain("fiche-42");
  expect(await page.evaluate(() => caches.keys())).toContain("wiki-pages-essai");

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  expect(await page.evaluate(() => indexedDB.databases())).toEqual([]);
  expect(await page.evaluate(() => caches.keys())).toEqual([]);
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((all) => all.length))).toBe(0);
  expect(await page.evaluate(() => localStorage.getItem("wiki:documents-locaux"))).toBeNull();
});

test("on a shared computer, a warning a minute before the idle sign-out, which « Rester connecté » puts off", async ({ page }) => {
  const user = newUserData();
  createUserWithCli(user, "contributeur");
  // Playwright's clock: the 30 minutes of IDLE_SIGNOUT_MINUTES's default pass at once, deterministically.
  await page.clock.install();
  await page.goto("/connexion");
  await page.getByLabel("Adresse électronique").fill(user.email);
  await page.getByLabel("Mot de passe").fill(user.password);
  await page.getByRole("checkbox", { name: "Ordinateur partagé (ne rien garder sur cet appareil)" }).check();
  await page.getByRole("button", { name: "Se connecter" }).click();
  const account = page.getByRole("navigation", { name: "Mon compte" }).getByRole("link", { name: user.name });
  await expect(account).toBeVisible();
  await page.evaluate(async () => {
    const open = indexedDB.open("fiche-7");
    await new Promise((resolve) => (open.onsuccess = resolve));
    open.result.close();
  });

  const warning = page.getByRole("alertdialog", { name: "Toujours là ?" });
  await page.clock.runFor("28:50");
  await expect(warning).toHaveCount(0);
  await page.clock.runFor("00:15");
  await expect(warning).toBeVisible();
  await expect(warning).toHaveAccessibleDescription("Vous allez être déconnecté dans 1 minute faute d'activité.");
  const stay = warning.getByRole("button", { name: "Rester connecté" });
  await expect(stay).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await stay.click();
  await expect(warning).toHaveCount(0);

  await page.clock.runFor("01:00");
  await expect(account).toBeVisible();
  await page.clock.runFor("29:05");
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  expect(await page.evaluate(() => indexedDB.databases())).toEqual([]);
});

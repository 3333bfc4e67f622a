import type { Page } from "@playwright/test";
import { createUserWithCli, expect, expectNoSeriousA11yViolations, newUserData, signInAs, test } from "./fixtures";

const TASKS = [
  { name: "Orienter une personne", path: "/orientation" },
  { name: "Trouver un lieu près de chez moi", path: "/carte" },
  { name: "Partager une action", path: "/fiches/nouvelle" },
  { name: "Construire un parcours de formation", path: "/catalogues/nouveau" },
];

const tasks = (page: Page) => page.getByRole("region", { name: "Que voulez-vous faire ?" });

test("the home page opens on four tasks, then the latest fiches and the themes with their counts", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Le wiki de la Solidarité numérique");
  await expect(tasks(page).getByRole("heading", { level: 3 })).toHaveText(TASKS.map((t) => t.name));
  for (const task of TASKS) await expect(tasks(page).getByRole("link", { name: task.name })).toHaveAttribute("href", task.path);

  // A visitor who wants to share an action is asked to sign in first, then comes back to the form.
  await tasks(page).getByRole("link", { name: "Partager une action" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Se connecter" })).toBeVisible();
  await page.goBack();
  await tasks(page).getByRole("link", { name: "Orienter une personne" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Vers qui se tourner ?" })).toBeVisible();
  await page.goBack();

  // The latest fiches: type, acteurs and a quiet « À vérifier », neutral grey rather than red.
  const latest = page.getByRole("region", { name: "Les dernières fiches" });
  await expect(latest.getByRole("heading", { level: 3 })).toHaveCount(6);
  const aVerifier = latest.getByRole("list", { name: "État de la fiche" }).getByText("À vérifier", { exact: true }).first();
  await expect(aVerifier).toHaveCSS("background-color", "rgb(243, 246, 247)");
  await expect(aVerifier).toHaveCSS("color", "rgb(74, 85, 97)");
  await expect(latest.getByText(/^Acteurs : /).first()).toBeAttached();

  // Each theme says how many fiches it has, the count its own page opens with.
  const sante = page.getByRole("region", { name: "Les thèmes" }).getByRole("link", { name: /^Santé \d+ fiches?$/ });
  const count = Number((await sante.textContent())!.match(/(\d+) fiches?$/)![1]);
  expect(count).toBeGreaterThan(0);
  await sante.click();
  await expect(page.getByRole("heading", { level: 1, name: "Santé" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Fiches" }).getByText(new RegExp(`^${count} fiches? publiées?`))).toBeVisible();
});

test("the home page has no serious accessibility violation at 1366 px and at 320 px, menu open or closed", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/");
  await expectNoSeriousA11yViolations(page);
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Menu" }).click();
  await expectNoSeriousA11yViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test("below 600 px the header folds into a menu that the keyboard opens, walks and closes with Escape", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/");
  const header = page.getByRole("banner");
  const nav = page.getByRole("navigation", { name: "Navigation principale" });
  const menu = header.getByRole("button", { name: "Menu" });
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  // Folded, the header leaves most of a small screen to the page.
  expect((await header.boundingBox())!.height).toBeLessThan(640 * 0.3);

  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator(`#${await menu.getAttribute("aria-controls")}`)).toBeVisible();
  await expect(nav).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Fiches" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expect(nav).toBeHidden();

  // Following a link closes it.
  await page.keyboard.press("Enter");
  await nav.getByRole("link", { name: "Carte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Carte des lieux d'accueil" })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");

  // From 600 px on, no menu: the links are there.
  await page.setViewportSize({ width: 800, height: 640 });
  await expect(menu).toBeHidden();
  await expect(nav).toBeVisible();
});

test("the header's account links sit on one line, « Se déconnecter » with them, in the wiki's own font", async ({ page }) => {
  const moderator = newUserData("accueil");
  createUserWithCli(moderator, "moderateur");
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAs(page, moderator);
  const account = page.getByRole("navigation", { name: "Mon compte" });
  const name = (await account.getByRole("link", { name: moderator.name }).boundingBox())!;
  const signOut = (await account.getByRole("button", { name: "Se déconnecter" }).boundingBox())!;
  expect(Math.abs(name.y + name.height / 2 - (signOut.y + signOut.height / 2))).toBeLessThanOrEqual(1);
  expect(signOut.height).toBe(name.height);

  expect(await page.evaluate(() => document.fonts.ready.then(() => document.fonts.check('700 16px "Atkinson Hyperlegible"')))).toBe(true);
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"Atkinson Hyperlegible"/);
});

test("no link is prefetched: every page is dynamic, so each prefetch would only cost the server a request while the page is being used", async ({ page }) => {
  const prefetched: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetched.push(new URL(request.url()).pathname);
  });
  for (const path of ["/", "/fiches/garage-informatique"]) {
    await page.goto(path);
    const footer = page.getByRole("navigation", { name: "Pied de page" });
    await footer.scrollIntoViewIfNeeded();
    await expect(footer.getByRole("link", { name: "API ouverte" })).toBeInViewport();
    await expect(footer.getByRole("link")).toHaveCount(6);
    // Next prefetches a link once it is in view: give it the time to, then look at what went out.
    await page.waitForLoadState("networkidle");
    expect(await page.getByRole("link").count()).toBeGreaterThan(20);
  }
  expect(prefetched).toEqual([]);
});

test("a fiche « À vérifier » explains what it means and who verifies it", async ({ page }) => {
  await page.goto("/fiches/garage-informatique");
  await expect(page.getByRole("list", { name: "État de la fiche" }).getByText("À vérifier", { exact: true })).toBeVisible();
  const note = page.getByRole("note", { name: "À vérifier : ce que cela veut dire" });
  await expect(note).toContainText("vient d'un document importé");
  await expect(note).toContainText("Un modérateur du wiki la compare à sa source");
});

test("the coverage table's headers wrap between words, never inside one", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/couverture");
  await expect(page.getByRole("columnheader", { name: "Intergénérationnel" }).first()).toBeVisible();
  // A word split across two lines has two boxes.
  const split = await page.evaluate(() =>
    [...document.querySelectorAll("table.coverage thead th")].flatMap((th) => {
      const node = th.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) return [];
      const text = node.textContent ?? "";
      return [...text.matchAll(/\S+/g)].flatMap((word) => {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        return range.getClientRects().length > 1 ? [word[0]] : [];
      });
    }),
  );
  expect(split).toEqual([]);
});

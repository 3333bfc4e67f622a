import type { Browser, Page } from "@playwright/test";
import { createUserWithCli, expect, expectNoSeriousA11yViolations, newUserData, signInAs, signUp, test } from "./fixtures";

/** A moderator created with the CLI, signed in in a context of their own. */
async function newModerator(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = newUserData("moderatrice");
  createUserWithCli(user, "moderateur");
  await signInAs(page, user);
  return { page, close: () => context.close() };
}

/** « 37 / 121 vérifiées », as numbers. */
async function progressOf(page: Page): Promise<{ verified: number; total: number }> {
  const text = await page.getByText(/^\d+ \/ \d+ vérifiées$/).textContent();
  const [, verified, total] = /^(\d+) \/ (\d+) vérifiées$/.exec(text!.trim())!;
  return { verified: Number(verified), total: Number(total) };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const review = (page: Page) => page.getByRole("region", { name: "Ce que l'import a lu" });

/** Skips fiches until one has a suggested theme and a public to decide on. */
async function skipToFicheWithThemeAndPublic(page: Page): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const themes = review(page).getByRole("button", { name: /^Confirmer le thème « / });
    const publics = review(page).getByRole("button", { name: /^Rejeter le public « / });
    if ((await themes.count()) > 0 && (await publics.count()) > 0) return;
    const heading = await page.getByRole("heading", { level: 2 }).first().textContent();
    await page.getByRole("link", { name: "Passer cette fiche" }).click();
    await expect(page.getByRole("heading", { level: 2 }).first()).not.toHaveText(heading!);
  }
  throw new Error("no fiche with a suggested theme and a public in the queue");
}

test("a moderator reviews a Livre blanc fiche beside its source text, and the progress moves", async ({ browser }) => {
  const { page, close } = await newModerator(browser);
  await page.goto("/moderation");
  await page.getByRole("link", { name: "vérifier les fiches importées (« À vérifier »)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fiches à vérifier" })).toBeVisible();
  await expect(page).toHaveURL(/\/moderation\/a-verifier\?fiche=\d+/);
  const before = await progressOf(page);
  expect(before.total).toBeGreaterThanOrEqual(121);

  await skipToFicheWithThemeAndPublic(page);
  const source = page.getByRole("region", { name: "Texte source" });
  await expect(source.getByText(/Livre blanc de la Solidarité numérique de Bordeaux.*lignes \d+ à \d+\./)).toBeVisible();
  await expect(source.locator("pre")).not.toBeEmpty();
  await expectNoSeriousA11yViolations(page);

  const titre = (await page.getByRole("heading", { level: 2 }).first().textContent())!;
  const slug = /\/fiches\/([^/?#]+)$/.exec((await page.getByRole("link", { name: "Voir la fiche" }).getAttribute("href"))!)![1];

  // Confirm a suggested theme: it moves to the confirmed themes.
  const confirmTheme = review(page).getByRole("button", { name: /^Confirmer le thème « / }).first();
  const theme = /« (.+) »$/.exec((await confirmTheme.textContent())!.trim())![1];
  await confirmTheme.click();
  await expect(page.getByRole("status").filter({ hasText: `Thème « ${theme} » confirmé.` })).toBeAttached();
  await expect(review(page).getByText(new RegExp(`Thèmes déjà confirmés : .*${escapeRegExp(theme)}`))).toBeVisible();
  await expect(review(page).getByRole("button", { name: `Confirmer le thème « ${theme} »` })).toHaveCount(0);

  // Reject a public: it leaves the fiche.
  const rejectPublic = review(page).getByRole("button", { name: /^Rejeter le public « / }).first();
  const publicLabel = /« (.+) »$/.exec((await rejectPublic.textContent())!.trim())![1];
  await rejectPublic.click();
  await expect(review(page).getByRole("button", { name: `Rejeter le public « ${publicLabel} »` })).toHaveCount(0);

  // Confirm everything else: the next fiche comes, the progress moves by one.
  await page.getByRole("button", { name: "Tout confirmer et passer à la suivante" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Fiche « ${titre} » vérifiée.` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 }).first()).not.toHaveText(titre);
  expect(await progressOf(page)).toEqual({ verified: before.verified + 1, total: before.total });
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/fiches/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name: titre })).toBeVisible();
  await expect(page.getByText("À vérifier", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("main").getByText(publicLabel, { exact: true })).toHaveCount(0);
  await close();
});

test("the review works from the keyboard: shortcuts, focus moved after each decision, Tab to every button", async ({ browser }) => {
  const { page, close } = await newModerator(browser);
  await page.goto("/moderation/a-verifier");
  await expect(page.getByRole("region", { name: "Raccourcis clavier" })).toContainText("tout confirmer et passer à la fiche suivante");
  // A fiche with items left once its title and commune are decided.
  await skipToFicheWithThemeAndPublic(page);
  const before = await progressOf(page);

  // A correction refused comes back in French beside its field; Échap cancels it and gives the focus back.
  await page.getByRole("button", { name: "Corriger le titre" }).focus();
  await page.keyboard.press("Enter");
  const titre = page.getByRole("textbox", { name: "Titre corrigé" });
  await expect(titre).toBeFocused();
  await titre.fill("  ");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Le titre est obligatoire.")).toBeVisible();
  await expect(titre).toHaveAttribute("aria-invalid", "true");
  await page.keyboard.press("Escape");
  await expect(titre).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Confirmer le titre" })).toBeFocused();

  // C confirms the item that has the focus, which then goes to the next item's « Confirmer ».
  await page.keyboard.press("c");
  await expect(page.getByRole("status").filter({ hasText: "Titre confirmé." })).toBeAttached();
  await expect(page.getByRole("button", { name: "Confirmer la commune" })).toBeFocused();

  // E opens the correction of the commune; Enter saves it.
  await page.keyboard.press("e");
  const commune = page.getByRole("textbox", { name: "Commune corrigée (laissez vide pour l'effacer)" });
  await expect(commune).toBeFocused();
  await commune.fill("Mérignac");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Commune corrigée." })).toBeAttached();
  await expect(review(page).getByText("Mérignac (corrigé)")).toBeVisible();

  // P skips the fiche: it stays à vérifier, and the focus is on the next fiche's title.
  const skipped = (await page.getByRole("heading", { level: 2 }).first().textContent())!;
  await page.keyboard.press("p");
  await expect(page.getByRole("status").filter({ hasText: `Fiche « ${skipped} » passée : elle reste à vérifier.` })).toBeVisible();
  const next = page.getByRole("heading", { level: 2 }).first();
  await expect(next).not.toHaveText(skipped);
  await expect(next).toBeFocused();
  expect(await progressOf(page)).toEqual(before);

  // Tab reaches the page's buttons from there.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Voir la fiche" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Tout confirmer et passer à la suivante" })).toBeFocused();

  // T confirms the whole fiche.
  const verified = (await next.textContent())!;
  await page.keyboard.press("t");
  await expect(page.getByRole("status").filter({ hasText: `Fiche « ${verified} » vérifiée.` })).toBeVisible();
  expect(await progressOf(page)).toEqual({ verified: before.verified + 1, total: before.total });
  await close();
});

test("two moderators on the same fiche: no error, and a rejection stands against a stale « Tout confirmer »", async ({ browser }) => {
  const first = await newModerator(browser);
  const second = await newModerator(browser);
  await first.page.goto("/moderation/a-verifier");
  await skipToFicheWithThemeAndPublic(first.page);
  const url = first.page.url().replace(/&.*$/, "");
  const titre = (await first.page.getByRole("heading", { level: 2 }).first().textContent())!;
  await second.page.goto(url);
  await expect(second.page.getByRole("heading", { level: 2 }).first()).toHaveText(titre);
  const before = await progressOf(second.page);

  // The first rejects a theme; the second, whose page still shows it, confirms everything.
  const reject = review(first.page).getByRole("button", { name: /^Rejeter le thème « / }).first();
  const theme = /« (.+) »$/.exec((await reject.textContent())!.trim())![1];
  await reject.click();
  await expect(review(first.page).getByRole("button", { name: `Rejeter le thème « ${theme} »` })).toHaveCount(0);
  await second.page.getByRole("button", { name: "Tout confirmer et passer à la suivante" }).click();
  await expect(second.page.getByRole("status").filter({ hasText: `Fiche « ${titre} » vérifiée.` })).toBeVisible();
  expect(await progressOf(second.page)).toEqual({ verified: before.verified + 1, total: before.total });

  // The first finishes too: nothing fails, the fiche is counted once.
  await first.page.getByRole("button", { name: "Tout confirmer et passer à la suivante" }).click();
  await expect(first.page.getByRole("status").filter({ hasText: `Fiche « ${titre} » vérifiée.` })).toBeVisible();
  await expect(first.page.getByRole("main").getByRole("alert")).toHaveCount(0);
  expect(await progressOf(first.page)).toEqual({ verified: before.verified + 1, total: before.total });

  await first.page.goto(url);
  await expect(first.page.getByText("Cette fiche n'est plus « à vérifier »")).toBeVisible();
  await expect(review(first.page).getByText(new RegExp(`Thèmes déjà confirmés : .*${escapeRegExp(theme)}`))).toHaveCount(0);
  await expect(review(first.page).getByRole("button", { name: `Confirmer le thème « ${theme} »` })).toHaveCount(0);
  await first.close();
  await second.close();
});

test("a contributor gets the moderators-only refusal", async ({ page }) => {
  await signUp(page, newUserData("curieuse"));
  await page.goto("/moderation/a-verifier");
  await expect(page.getByRole("heading", { level: 1, name: "Accès réservé aux modérateurs" })).toBeVisible();
  await expect(page.getByText(/erreur 403/)).toBeVisible();
  await expect(page.getByRole("button", { name: /Confirmer/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

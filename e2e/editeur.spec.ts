import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import type { BrowserContext, Page } from "@playwright/test";
import { createPublishedPratique, expect, expectNoSeriousA11yViolations, newUserData, signUp, test, type TestUser } from "./fixtures";
import { startFreezableProxy } from "./freezable-proxy";

async function newSignedInPage(context: BrowserContext, prefix: string): Promise<{ page: Page; user: TestUser }> {
  const page = await context.newPage();
  const user = newUserData(prefix);
  await signUp(page, user);
  return { page, user };
}

/** Width of a button's label: 1 px while visually hidden, its text's width once shown as a tooltip. */
async function labelWidth(page: Page, name: string): Promise<number> {
  const box = await page.getByRole("toolbar", { name: "Mise en forme" }).getByText(name, { exact: true }).boundingBox();
  return box?.width ?? 0;
}

test("at 320 px the toolbar keeps to one row; labels show on hover and focus; « Plus » works by keyboard; wide screens put the fields beside the body", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const { page, user } = await newSignedInPage(context, "outils");
  // Signed up first: below 600 px the header folds its account links into « Menu ».
  await page.setViewportSize({ width: 320, height: 800 });
  await createPublishedPratique(page, `Atelier outils ${user.email.slice(7, 13)}`);

  const toolbar = page.getByRole("toolbar", { name: "Mise en forme" });
  for (const name of ["Gras", "Italique", "Titre 2", "Liste à puces", "Lien", "Annuler", "Plus"]) {
    await expect(toolbar.getByRole("button", { name, exact: true })).toBeVisible();
  }
  const bold = toolbar.getByRole("button", { name: "Gras" });
  const toolbarBox = (await toolbar.boundingBox())!;
  const boldBox = (await bold.boundingBox())!;
  expect(toolbarBox.height).toBeLessThan(2 * boldBox.height);

  expect(await labelWidth(page, "Gras")).toBeLessThanOrEqual(1);
  await bold.hover();
  expect(await labelWidth(page, "Gras")).toBeGreaterThan(10);
  await page.mouse.move(0, 0);

  // Keyboard: one tab stop, arrows between buttons, the focused button's label shown.
  await bold.focus();
  await page.keyboard.press("ArrowRight");
  await expect(toolbar.getByRole("button", { name: "Italique" })).toBeFocused();
  expect(await labelWidth(page, "Italique")).toBeGreaterThan(10);
  await page.keyboard.press("Escape");
  expect(await labelWidth(page, "Italique")).toBeLessThanOrEqual(1);

  await page.keyboard.press("End");
  const plus = toolbar.getByRole("button", { name: "Plus" });
  await expect(plus).toBeFocused();
  await expect(plus).toHaveAttribute("aria-haspopup", "menu");
  await expect(plus).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "Plus de mise en forme" });
  await expect(plus).toHaveAttribute("aria-expanded", "true");
  // What does not fit at 320 px is in the menu.
  await expect(menu.getByRole("menuitemcheckbox", { name: "Titre 3" })).toBeFocused();
  await expect(menu.getByRole("menuitem", { name: "Lier une fiche" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press("ArrowUp");
  await expect(menu.getByRole("menuitem", { name: "Insérer un tableau" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(plus).toBeFocused();

  // ↑ on the button opens the menu on its last item.
  await page.keyboard.press("ArrowUp");
  await expect(menu.getByRole("menuitem", { name: "Insérer un tableau" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(menu).toBeHidden();
  await expect(page.getByRole("textbox", { name: "Contenu de la fiche" }).getByRole("table")).toBeVisible();
  await expect(page.getByText("Enregistré", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(toolbar.getByRole("button", { name: "Lier une fiche" })).toBeVisible();
  const body = (await page.getByRole("region", { name: "Contenu de la fiche" }).boundingBox())!;
  const informations = (await page.getByRole("region", { name: "Informations" }).boundingBox())!;
  expect(informations.x).toBeGreaterThanOrEqual(body.x + body.width);
  expect(informations.y).toBeLessThan(body.y + body.height);
  await expectNoSeriousA11yViolations(page);
  await context.close();
});

test("a peer whose network drops leaves the presence list within 5 s; its offline edits are kept, then sent when it comes back", async ({ browser, baseURL }) => {
  const proxy = await startFreezableProxy(Number(new URL(baseURL!).port));
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  try {
    const { page: a, user: alice } = await newSignedInPage(contextA, "alice");
    const { page: b, user: bob } = await newSignedInPage(contextB, "bob");
    const slug = await createPublishedPratique(a, `Atelier réseau ${alice.email.slice(6, 12)}`);

    // Bob's page goes through the relay: his network can be cut for real.
    await b.goto(`${proxy.url}/fiches/${slug}/modifier`);
    await expect(b.getByText("Enregistré", { exact: true })).toBeVisible();
    const presenceA = a.getByRole("region", { name: "Sur cette fiche en ce moment" });
    await expect(presenceA.getByText(bob.name)).toBeVisible();

    await contextB.setOffline(true);
    proxy.freeze();
    const offline = b.getByText(/^Hors ligne : vos modifications sont gardées dans cet onglet et seront envoyées au retour/);
    await expect(offline).toBeVisible();
    await expect(presenceA.getByText(bob.name)).toBeHidden({ timeout: 5000 });

    const bodyB = b.getByRole("textbox", { name: "Contenu de la fiche" });
    await bodyB.click();
    await b.keyboard.type("Écrit pendant la coupure.");
    // Unsent edits are written on the device at once: the status says where they are.
    await expect(b.getByText(/^Hors ligne : vos modifications sont gardées sur cet appareil et seront envoyées au retour/)).toBeVisible();
    await expect(b.getByText(/\(\d+ modifications? en attente d'envoi\)/)).toBeVisible();
    await expectNoSeriousA11yViolations(b);

    proxy.thaw();
    await contextB.setOffline(false);
    await expect(b.getByText(/^Envoyées/)).toBeVisible();
    await expect(a.getByRole("textbox", { name: "Contenu de la fiche" })).toContainText("Écrit pendant la coupure.");
    await expect(presenceA.getByText(bob.name)).toBeVisible();
  } finally {
    await contextA.close();
    await contextB.close();
    await proxy.close();
  }
});

test("the server renders the editor's fields from the fiche's content, before any script runs", async ({ browser }) => {
  const context = await browser.newContext();
  const { page, user } = await newSignedInPage(context, "rendu");
  const titre = `Atelier rendu ${user.email.slice(6, 12)}`;
  const slug = await createPublishedPratique(page, titre);
  await page.getByRole("textbox", { name: "Commune" }).fill("Bègles");
  await expect(page.getByText("Enregistré", { exact: true })).toBeVisible();

  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() });
  const bare = await noScript.newPage();
  await bare.goto(`/fiches/${slug}/modifier`);
  await expect(bare.getByRole("textbox", { name: "Titre de la fiche" })).toHaveValue(titre);
  await expect(bare.getByRole("textbox", { name: "Commune" })).toHaveValue("Bègles");
  await noScript.close();
  await context.close();
});

type ClientManifest = {
  clientModules: Record<string, { id: number | string }>;
  ssrModuleMapping: Record<string, Record<string, { chunks: string[] }>>;
};

test("the server render of the editor loads no Yjs: the collaboration server's copy is the only one on the server", () => {
  const built = ".next";
  const sandbox: { __RSC_MANIFEST?: Record<string, ClientManifest> } = {};
  vm.runInNewContext(fs.readFileSync(path.join(built, "server/app/fiches/[slug]/modifier/page_client-reference-manifest.js"), "utf8"), { globalThis: sandbox });
  const manifest = sandbox.__RSC_MANIFEST!["/fiches/[slug]/modifier/page"];
  const editor = Object.entries(manifest.clientModules).find(([key]) => key.endsWith("components/editor/FicheEditor.tsx"));
  expect(editor, "FicheEditor is a client module of the page").toBeDefined();
  const chunks = manifest.ssrModuleMapping[String(editor![1].id)]["*"].chunks;
  expect(chunks.length).toBeGreaterThan(0);
  // Yjs's own warning against a second copy marks the chunk that holds it.
  const withYjs = chunks.filter((chunk) => fs.readFileSync(path.join(built, chunk), "utf8").includes("Yjs was already imported"));
  expect(withYjs).toEqual([]);
});

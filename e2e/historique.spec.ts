import type { Browser, BrowserContext, Page } from "@playwright/test";
import { createPublishedPratique, expect, expectNoSeriousA11yViolations, newUserData, signUp, test, type TestUser } from "./fixtures";

// The server takes a revision once editing has been quiet for COLLAB_REVISION_QUIET_MS, which
// playwright.config.ts sets short; the history page is reloaded until it shows the expected count.

async function newSignedInPage(browser: Browser, prefix: string): Promise<{ context: BrowserContext; page: Page; user: TestUser }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = newUserData(prefix);
  await signUp(page, user);
  return { context, page, user };
}

/** Reloads the fiche's history until it lists `count` versions. */
async function waitForVersions(page: Page, slug: string, count: number): Promise<void> {
  await expect(async () => {
    await page.goto(`/fiches/${slug}/historique`);
    await expect(page.getByText(`${count} versions`, { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
}

const FIRST = "Accueil sans rendez-vous le mardi.";
const LATER = " Phrase ajoutée plus tard.";

/** Types the first sentence in the open editor and waits, on `history`, for the pause's version: version 2. */
async function writeFirstSentence(editor: Page, history: Page, slug: string): Promise<void> {
  await editor.getByRole("textbox", { name: "Contenu de la fiche" }).click();
  // One input event: typed key by key on a loaded machine, a sentence could straddle two versions.
  await editor.keyboard.insertText(FIRST);
  await expect(editor.getByText("Enregistré", { exact: true })).toBeVisible();
  await waitForVersions(history, slug, 2);
}

/** Adds a sentence after a pause: version 3. */
async function writeLaterSentence(editor: Page, history: Page, slug: string): Promise<void> {
  await editor.getByRole("textbox", { name: "Contenu de la fiche" }).click();
  await editor.keyboard.press("Control+End");
  await editor.keyboard.insertText(LATER);
  await waitForVersions(history, slug, 3);
}

function versionsTable(page: Page) {
  return page.getByRole("table", { name: "Versions enregistrées, de la plus récente à la plus ancienne" });
}

test("the history lists a version at each pause in editing, and compares the two latest", async ({ browser }) => {
  const { context, page: alice, user } = await newSignedInPage(browser, "alice");
  const titre = `Permanence numérique ${user.email.slice(6, 14)}`;
  const slug = await createPublishedPratique(alice, titre);
  const history = await context.newPage();
  await writeFirstSentence(alice, history, slug);
  await writeLaterSentence(alice, history, slug);

  await expect(history.getByRole("heading", { level: 1, name: `Historique de la fiche « ${titre} »` })).toBeVisible();
  const latest = versionsTable(history).getByRole("row").filter({ hasText: "Version 3" });
  await expect(latest).toContainText(user.name);
  await expect(latest).toContainText("Pause dans l'édition");
  await expectNoSeriousA11yViolations(history);

  // The two most recent versions are picked by default.
  await expect(history.getByRole("radio", { name: /^Comparer depuis la version 2 / })).toBeChecked();
  await expect(history.getByRole("radio", { name: /^Comparer jusqu'à la version 3 / })).toBeChecked();
  await history.getByRole("button", { name: "Comparer les versions" }).click();
  await expect(history).toHaveURL(/\/historique\/comparer\?(?=.*\bde=\d+)(?=.*\ba=\d+)/);
  await expect(history.getByRole("heading", { level: 1, name: `Comparer deux versions de « ${titre} »` })).toBeVisible();
  const added = history.getByRole("main").locator(".diff-body ins");
  await expect(added).toContainText(LATER.trim());
  await expect(added).toContainText("ajout :");
  await expect(history.getByText("Aucun champ n'a changé entre ces deux versions.")).toBeVisible();
  await expectNoSeriousA11yViolations(history);
  await expect(history.getByRole("link", { name: /^Version 2 du / })).toHaveAttribute("href", new RegExp(`^/fiches/${slug}/historique/\\d+$`));

  await context.close();
});

test("an older version shows its content, and its restore is seen live by another editor and is the newest version", async ({ browser }) => {
  const { context: contextA, page: alice, user: aliceUser } = await newSignedInPage(browser, "alice");
  const { context: contextB, page: bob, user: bobUser } = await newSignedInPage(browser, "bob");
  const slug = await createPublishedPratique(alice, `Permanence numérique ${aliceUser.email.slice(6, 14)}`);

  // Bob edits the fiche too, in a second tab of his own, while Alice writes.
  const bobEditor = await contextB.newPage();
  await bobEditor.goto(`/fiches/${slug}/modifier`);
  const bodyB = bobEditor.getByRole("textbox", { name: "Contenu de la fiche" });
  await expect(bodyB).toBeVisible();
  await writeFirstSentence(alice, bob, slug);
  await writeLaterSentence(alice, bob, slug);
  await expect(bodyB).toContainText(LATER.trim());

  await bob.getByRole("link", { name: /^Voir cette version \(version 2 du / }).click();
  await expect(bob.getByRole("heading", { level: 1, name: /^Version 2 du / })).toBeVisible();
  const content = bob.getByRole("region", { name: "Contenu de cette version" });
  await expect(content).toContainText(FIRST);
  await expect(content).not.toContainText(LATER.trim());
  await expectNoSeriousA11yViolations(bob);
  await bob.getByRole("button", { name: "Restaurer cette version" }).click();
  await expect(bob.getByRole("group", { name: /^Restaurer la version 2 du / })).toBeVisible();
  await bob.getByRole("button", { name: "Oui, restaurer cette version" }).click();
  await expect(bob.getByRole("main").getByRole("status")).toContainText("Cette version est restaurée");

  // Alice never reloaded: her editor shows the restored text at once, as does Bob's.
  const bodyA = alice.getByRole("textbox", { name: "Contenu de la fiche" });
  await expect(bodyA).not.toContainText(LATER.trim());
  await expect(bodyA).toContainText(FIRST);
  await expect(bodyB).not.toContainText(LATER.trim());

  // History moved forward: the restore is a new version, and nothing was removed.
  await bob.goto(`/fiches/${slug}/historique`);
  await expect(bob.getByText("4 versions", { exact: true })).toBeVisible();
  const restore = versionsTable(bob).getByRole("row").filter({ hasText: "Version 4" });
  await expect(restore).toContainText("Restauration de la version du");
  await expect(restore).toContainText(bobUser.name);

  await Promise.all([contextA.close(), contextB.close()]);
});

test("the fiche credits whoever restored a version, and recent changes show the restore", async ({ browser }) => {
  const { context: contextA, page: alice, user: aliceUser } = await newSignedInPage(browser, "alice");
  const titre = `Permanence numérique ${aliceUser.email.slice(6, 14)}`;
  const slug = await createPublishedPratique(alice, titre);
  const { context: contextB, page: bob, user: bobUser } = await newSignedInPage(browser, "bob");
  await writeFirstSentence(alice, bob, slug);

  await bob.getByRole("link", { name: /^Voir cette version \(version 1 du / }).click();
  await bob.getByRole("button", { name: "Restaurer cette version" }).click();
  await bob.getByRole("button", { name: "Oui, restaurer cette version" }).click();
  await expect(bob.getByRole("main").getByRole("status")).toContainText("Cette version est restaurée");

  await bob.goto(`/fiches/${slug}`);
  const contributors = bob.getByRole("region", { name: "Contributeurs" });
  await expect(contributors).toContainText(aliceUser.name);
  await expect(contributors).toContainText(bobUser.name);
  await bob.goto("/modifications-recentes");
  await expect(bob.getByRole("heading", { level: 1, name: "Modifications récentes" })).toBeVisible();
  const latest = bob.getByRole("main").getByRole("listitem").filter({ hasText: titre }).first();
  await expect(latest).toContainText("Restauration de la version du");
  await expect(latest).toContainText(bobUser.name);
  await expectNoSeriousA11yViolations(bob);

  await Promise.all([contextA.close(), contextB.close()]);
});

test("recent changes filter by type in a shareable address, with an Atom feed of the same filters", async ({ page, request }) => {
  const user = newUserData("veille");
  await signUp(page, user);
  const titre = `Idée de veille ${user.email.slice(6, 14)}`;
  await page.goto("/fiches/nouvelle");
  await page.getByRole("radio", { name: "Idée à explorer" }).check();
  await page.getByRole("textbox", { name: "Titre (obligatoire)" }).fill(titre);
  await page.getByRole("button", { name: "Créer la fiche" }).click();
  await expect(page.getByText("Enregistré", { exact: true })).toBeVisible();
  // A draft is nobody else's business: not listed yet.
  await page.goto("/modifications-recentes");
  await expect(page.getByRole("main")).not.toContainText(titre);
  await page.goBack();
  await page.getByRole("button", { name: "Publier la fiche" }).click();
  await expect(page.getByText("La fiche est publiée.")).toBeVisible();

  await page.goto("/modifications-recentes");
  await page.getByLabel("Type de fiche").selectOption({ label: "Idées à explorer" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  // Empty selects travel too (acteur=&theme=): the address still reads, and is shared, as is.
  await expect(page).toHaveURL(/\/modifications-recentes\?type=idee(&|$)/);
  await expect(page.getByRole("main").getByRole("listitem").filter({ hasText: titre })).toContainText("Création");
  await expect(page.getByRole("main").getByRole("listitem").filter({ hasText: "Pratique observée" })).toHaveCount(0);
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/modifications-recentes\/atom\.xml\?type=idee$/);

  const feed = await request.get("/modifications-recentes/atom.xml?type=idee");
  expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const xml = await feed.text();
  expect(xml).toContain(`<title>${titre} : Création</title>`);
  expect(xml).not.toContain("Pratique observée");
});

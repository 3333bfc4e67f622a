import type { BrowserContext, Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, newUserData, signUp, test, type TestUser } from "./fixtures";

// The server takes a revision once editing has been quiet for COLLAB_REVISION_QUIET_MS, which
// playwright.config.ts sets short; the history page is reloaded until it shows the expected count.

async function newSignedInPage(context: BrowserContext, prefix: string): Promise<{ page: Page; user: TestUser }> {
  const page = await context.newPage();
  const user = newUserData(prefix);
  await signUp(page, user);
  return { page, user };
}

/** Creates and publishes a pratique observée (drafts are private), leaving its editor open. */
async function createPublishedPratique(page: Page, titre: string): Promise<string> {
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

/** Reloads the fiche's history until it lists `count` versions. */
async function waitForVersions(page: Page, slug: string, count: number): Promise<void> {
  await expect(async () => {
    await page.goto(`/fiches/${slug}/historique`);
    await expect(page.getByText(`${count} versions`, { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
}

test("a restore made in the history is seen live by another editor", async ({ browser }) => {
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const { page: alice, user: aliceUser } = await newSignedInPage(contextA, "alice");
  const { page: bob, user: bobUser } = await newSignedInPage(contextB, "bob");
  const titre = `Permanence numérique ${aliceUser.email.slice(6, 14)}`;
  const slug = await createPublishedPratique(alice, titre);

  // Bob edits the fiche too, in a second tab of his own, while Alice writes.
  const bobEditor = await contextB.newPage();
  await bobEditor.goto(`/fiches/${slug}/modifier`);
  await expect(bobEditor.getByRole("heading", { level: 1, name: "Modifier la fiche" })).toBeVisible();
  const bodyA = alice.getByRole("textbox", { name: "Contenu de la fiche" });
  await bodyA.click();
  await alice.keyboard.type("Accueil sans rendez-vous le mardi.");
  await expect(alice.getByText("Enregistré", { exact: true })).toBeVisible();
  // Creation, then the pause after Alice's first sentence.
  await waitForVersions(bob, slug, 2);

  await bodyA.click();
  await alice.keyboard.press("Control+End");
  await alice.keyboard.type(" Phrase ajoutée plus tard.");
  await expect(bobEditor.getByRole("textbox", { name: "Contenu de la fiche" })).toContainText("Phrase ajoutée plus tard.");
  await waitForVersions(bob, slug, 3);

  await expect(bob.getByRole("heading", { level: 1, name: `Historique de la fiche « ${titre} »` })).toBeVisible();
  const table = bob.getByRole("table", { name: "Versions enregistrées, de la plus récente à la plus ancienne" });
  await expect(table.getByRole("row").filter({ hasText: "Version 3" })).toContainText(aliceUser.name);
  await expect(table.getByRole("row").filter({ hasText: "Version 3" })).toContainText("Pause dans l'édition");
  await expectNoSeriousA11yViolations(bob);

  // The two most recent versions are picked by default.
  await expect(bob.getByRole("radio", { name: /^Comparer depuis la version 2 / })).toBeChecked();
  await expect(bob.getByRole("radio", { name: /^Comparer jusqu'à la version 3 / })).toBeChecked();
  await bob.getByRole("button", { name: "Comparer les versions" }).click();
  await expect(bob).toHaveURL(/\/historique\/comparer\?(?=.*\bde=\d+)(?=.*\ba=\d+)/);
  await expect(bob.getByRole("heading", { level: 1, name: `Comparer deux versions de « ${titre} »` })).toBeVisible();
  const added = bob.getByRole("main").locator(".diff-body ins");
  await expect(added).toContainText("Phrase ajoutée plus tard.");
  await expect(added).toContainText("ajout :");
  await expect(bob.getByText("Aucun champ n'a changé entre ces deux versions.")).toBeVisible();
  await expectNoSeriousA11yViolations(bob);

  await bob.getByRole("link", { name: /^Version 2 du / }).click();
  await expect(bob.getByRole("heading", { level: 1, name: /^Version 2 du / })).toBeVisible();
  await expect(bob.getByRole("region", { name: "Contenu de cette version" })).toContainText("Accueil sans rendez-vous le mardi.");
  await expect(bob.getByRole("region", { name: "Contenu de cette version" })).not.toContainText("Phrase ajoutée plus tard.");
  await expectNoSeriousA11yViolations(bob);
  await bob.getByRole("button", { name: "Restaurer cette version" }).click();
  await expect(bob.getByRole("group", { name: /^Restaurer la version 2 du / })).toBeVisible();
  await bob.getByRole("button", { name: "Oui, restaurer cette version" }).click();
  await expect(bob.getByRole("main").getByRole("status")).toContainText("Cette version est restaurée");

  // Alice never reloaded: her editor shows the restored text at once.
  await expect(bodyA).not.toContainText("Phrase ajoutée plus tard.");
  await expect(bodyA).toContainText("Accueil sans rendez-vous le mardi.");
  await expect(bobEditor.getByRole("textbox", { name: "Contenu de la fiche" })).not.toContainText("Phrase ajoutée plus tard.");

  // History moved forward: the restore is a new version, and nothing was removed.
  await bob.goto(`/fiches/${slug}/historique`);
  await expect(bob.getByText("4 versions", { exact: true })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: "Version 4" })).toContainText("Restauration de la version du");
  await expect(table.getByRole("row").filter({ hasText: "Version 4" })).toContainText(bobUser.name);

  // The fiche names both contributors; the site-wide recent changes show the restore.
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

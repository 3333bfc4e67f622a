import type { Page } from "@playwright/test";
import { createPublishedPratique, expect, expectNoSeriousA11yViolations, newUserData, signUp, test } from "./fixtures";

const bell = (page: Page, name: string) => page.getByRole("navigation", { name: "Mon compte" }).getByRole("link", { name, exact: true });

test("a follower hears in the app of an edit and of a new message, announced while the list is open", async ({ page: alice, browser }) => {
  const [aliceData, bobData] = [newUserData("alice"), newUserData("bob")];
  const titre = `Atelier suivi ${bobData.name}`;
  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  await signUp(bob, bobData);
  const slug = await createPublishedPratique(bob, titre);

  await signUp(alice, aliceData);
  await alice.goto(`/fiches/${slug}`);
  await alice.getByRole("button", { name: /Suivre cette fiche/ }).click();
  await expect(alice.getByRole("button", { name: /Suivre cette fiche/ })).toHaveAttribute("aria-pressed", "true");
  await expect(bell(alice, "Notifications")).toBeVisible();

  // Bob edits: the revision taken when he pauses is the event.
  await bob.getByRole("textbox", { name: "Contenu de la fiche" }).click();
  await bob.keyboard.insertText("Le samedi matin, au local de la rue Sainte-Catherine.");
  await expect(bob.getByText("Enregistré", { exact: true })).toBeVisible();

  await expect(async () => {
    await alice.goto("/");
    await expect(bell(alice, "Notifications (1 non lue)")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await bell(alice, "Notifications (1 non lue)").click();
  await expect(alice).toHaveURL(/\/notifications$/);
  const edited = alice.getByRole("link", { name: `La fiche « ${titre} » a été modifiée.` });
  await expect(edited).toHaveAttribute("href", `/fiches/${slug}/historique`);
  await expect(alice.getByRole("listitem").filter({ has: edited })).toContainText("Non lue");
  await expectNoSeriousA11yViolations(alice);

  // A message while Alice's list is open: her live region says so when the page asks (here, on focus).
  await bob.goto(`/fiches/${slug}`);
  await bob.getByLabel("Votre message").fill("Nous avons essayé le samedi aussi : beaucoup de monde.");
  await bob.getByRole("button", { name: "Publier le message" }).click();
  await expect(bob.getByText("Nous avons essayé le samedi aussi : beaucoup de monde.")).toBeVisible();
  const message = `Nouveau commentaire de ${bobData.name} sur « ${titre} ».`;
  const live = alice.locator('[aria-live="polite"]').filter({ hasText: "Nouvelle notification" });
  await expect(async () => {
    await alice.evaluate(() => window.dispatchEvent(new Event("focus")));
    await expect(live).toHaveText(`Nouvelle notification : ${message}`, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(alice.getByRole("link", { name: message })).toBeVisible();

  await alice.getByRole("button", { name: "Tout marquer comme lu" }).click();
  await expect(alice.getByRole("main").getByRole("status").filter({ hasText: "2 notifications marquées comme lues." })).toBeVisible();
  await expect(alice.getByText("Non lue", { exact: true })).toHaveCount(0);
  await alice.reload();
  await expect(bell(alice, "Notifications")).toBeVisible();
  await bobContext.close();
});

test("preferences: the digest's frequency, immediate mails, and a personal feed whose renewed address closes the old one", async ({ page }) => {
  await signUp(page, newUserData("lecteur"));
  await page.goto("/compte/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Mes notifications" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Chaque jour (vers 7 h)" })).toBeChecked();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("radio", { name: "Chaque semaine (le lundi vers 7 h)" }).check();
  await page.getByRole("checkbox", { name: /M'écrire aussitôt/ }).uncheck();
  await page.getByRole("button", { name: "Enregistrer mes préférences" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Vos préférences sont enregistrées." })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("radio", { name: "Chaque semaine (le lundi vers 7 h)" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /M'écrire aussitôt/ })).not.toBeChecked();

  await page.getByRole("button", { name: "Créer le lien" }).click();
  const address = page.getByLabel("Adresse de mon flux Atom (secrète)");
  await expect(address).toHaveValue(/\/flux\/personnel\/[\w-]{43}$/);
  const first = new URL(await address.inputValue()).pathname;
  const feed = await page.request.get(first);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  expect(await feed.text()).toContain("<feed");

  await page.getByRole("button", { name: "Renouveler le lien" }).click();
  await expect(address).not.toHaveValue(new RegExp(`${first}$`));
  expect((await page.request.get(first)).status()).toBe(404);
  expect((await page.request.get(new URL(await address.inputValue()).pathname)).status()).toBe(200);
});

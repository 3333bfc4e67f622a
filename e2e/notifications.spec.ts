import type { Page } from "@playwright/test";
import { createPublishedPratique, createUserWithCli, expect, expectNoSeriousA11yViolations, newUserData, signInAs, signUp, test } from "./fixtures";

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
  // The message in the thread, not the composer, which may still hold it until the answer is rendered.
  await expect(bob.getByRole("paragraph").filter({ hasText: "Nous avons essayé le samedi aussi : beaucoup de monde." })).toBeVisible();
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
  // The header's count follows without a reload.
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

test("a reply is mailed at once: without SMTP an admin reads it in the outbox, and its unsubscribe link turns the mails off", async ({ page: alice, browser }) => {
  const [aliceData, bobData, adminData] = [newUserData("alice"), newUserData("bob"), newUserData("admin")];
  const titre = `Permanence du samedi ${aliceData.name}`;
  await signUp(alice, aliceData);
  const slug = await createPublishedPratique(alice, titre);
  await alice.goto(`/fiches/${slug}`);
  await alice.getByLabel("Votre message").fill("Qui a déjà essayé une permanence le samedi ?");
  await alice.getByRole("button", { name: "Publier le message" }).click();
  await expect(alice.getByRole("paragraph").filter({ hasText: "Qui a déjà essayé une permanence le samedi ?" })).toBeVisible();

  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  await signUp(bob, bobData);
  await bob.goto(`/fiches/${slug}`);
  await bob.getByText("Répondre", { exact: true }).click();
  await bob.getByLabel("Votre réponse").fill("Nous, depuis un an : venez voir.");
  await bob.getByRole("button", { name: "Publier la réponse" }).click();
  await expect(bob.getByRole("paragraph").filter({ hasText: "Nous, depuis un an : venez voir." })).toBeVisible();
  await bobContext.close();

  createUserWithCli(adminData, "admin");
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, adminData);
  const subject = `${bobData.name} a répondu dans une discussion sur « ${titre} ».`;
  const row = admin.getByRole("row").filter({ hasText: aliceData.email }).filter({ hasText: subject });
  // The sender marks it within its next pass (every 15 s).
  await expect(async () => {
    await admin.goto("/admin/courriels");
    await expect(row).toContainText("Non envoyé (SMTP non configuré)", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expectNoSeriousA11yViolations(admin);
  // The text is behind a disclosure, shown on demand.
  await expect(row.locator("pre")).toBeHidden();
  await row.locator("summary", { hasText: subject }).click();
  await expect(row.locator("pre")).toBeVisible();
  const text = await row.locator("pre").innerText();
  expect(text).toContain(`/fiches/${slug}#commentaire-`);
  expect(text).toContain("/compte/notifications");
  const unsubscribe = /(\/desabonnement\?t=\S+)/.exec(text)![1];
  await adminContext.close();

  // Opened from the mail by anyone: only the button unsubscribes.
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await reader.goto(unsubscribe);
  await expect(reader.getByRole("heading", { level: 1, name: "Se désabonner des courriels" })).toBeVisible();
  await expectNoSeriousA11yViolations(reader);
  await alice.goto("/compte/notifications");
  await expect(alice.getByRole("radio", { name: "Chaque jour (vers 7 h)" })).toBeChecked();
  await reader.getByRole("button", { name: "Me désabonner" }).click();
  await expect(reader.getByRole("heading", { level: 1, name: "Vous êtes désabonné" })).toBeVisible();
  // What a mail client's one-click button sends (RFC 8058), with the same token: it holds, again.
  const oneClick = await reader.request.post(unsubscribe.replace("/desabonnement?", "/desabonnement/un-clic?"), { form: { "List-Unsubscribe": "One-Click" } });
  expect([oneClick.status(), await oneClick.text()]).toEqual([200, "Désabonnement enregistré."]);
  await readerContext.close();

  await alice.reload();
  await expect(alice.getByRole("radio", { name: "Jamais" })).toBeChecked();
  await expect(alice.getByRole("checkbox", { name: /M'écrire aussitôt/ })).not.toBeChecked();
});

test("a forged unsubscribe link changes nothing and says so in French; the one-click address refuses GET", async ({ page }) => {
  const forged = `u1.zzzzzzzz.${"A".repeat(43)}`;
  await page.goto(`/desabonnement?t=${forged}`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Ce lien de désabonnement n'est pas valide ou a expiré.");
  await expect(page.getByRole("button", { name: "Me désabonner" })).toHaveCount(0);
  const post = await page.request.post(`/desabonnement/un-clic?t=${forged}`, { form: { "List-Unsubscribe": "One-Click" } });
  expect([post.status(), await post.text()]).toEqual([400, "Lien de désabonnement invalide ou expiré."]);
  // A link scanner following the header's address unsubscribes nobody.
  expect((await page.request.get(`/desabonnement/un-clic?t=${forged}`)).status()).toBe(405);
});

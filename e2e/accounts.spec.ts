import { createUserWithCli, expect, expectNoSeriousA11yViolations, formAlert, newUserData, signIn, signInAs, signOut, signUp, test } from "./fixtures";

test("a newcomer signs up, signs out and signs back in", async ({ page }) => {
  const user = newUserData();
  await signUp(page, user);
  await signOut(page);
  await signIn(page, user);
  await expect(page.getByRole("navigation", { name: "Mon compte" }).getByRole("link", { name: user.name })).toBeVisible();
});

test("a wrong password gets a message that does not reveal whether the account exists", async ({ page }) => {
  const user = newUserData();
  await signUp(page, user);
  await signOut(page);
  await signIn(page, { email: user.email, password: "pas le bon mot de passe" });
  await expect(formAlert(page)).toHaveText("Adresse électronique ou mot de passe incorrect.");
  await signIn(page, { email: newUserData().email, password: "pas le bon mot de passe" });
  await expect(formAlert(page)).toHaveText("Adresse électronique ou mot de passe incorrect.");
});

// Per (account, address) pair: from one browser there is one address, so a test that another
// address still gets in lives in server/auth/sign-in.test.ts.
test("sign-in attempts from one address to one account are slowed down", async ({ page }) => {
  const user = newUserData();
  await signUp(page, user);
  await signOut(page);
  for (let i = 0; i < 5; i++) {
    await signIn(page, { email: user.email, password: `mauvais ${i}` });
    await expect(formAlert(page)).toHaveText("Adresse électronique ou mot de passe incorrect.");
  }
  await signIn(page, user);
  await expect(formAlert(page)).toHaveText(/^Trop de tentatives : réessayez dans \d+ secondes\.$/);
});

// The e2e server trusts the proxy's X-Forwarded-For (TRUST_PROXY=1, as behind a reverse proxy):
// each browser context below comes from its own address.
test("the admin still signs in after a stranger's failed attempts on the admin's account", async ({ browser }) => {
  const admin = newUserData("admin");
  createUserWithCli(admin, "admin");
  const stranger = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.7" } });
  const owner = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.20" } });
  try {
    const strangerPage = await stranger.newPage();
    for (let i = 0; i < 6; i++) {
      await signIn(strangerPage, { email: admin.email, password: `devine ${i}` });
      await expect(formAlert(strangerPage)).toHaveText(/^(Adresse électronique ou mot de passe incorrect\.|Trop de tentatives : réessayez dans \d+ secondes\.)$/);
    }
    // The stranger is slowed down, even with the right password…
    await signIn(strangerPage, admin);
    await expect(formAlert(strangerPage)).toHaveText(/^Trop de tentatives : réessayez dans \d+ secondes\.$/);
    // …while the admin, from their own address, gets in at once.
    const ownerPage = await owner.newPage();
    await signInAs(ownerPage, admin);
  } finally {
    await stranger.close();
    await owner.close();
  }
});

test("sign-up errors are shown field by field in French", async ({ page }) => {
  await page.goto("/inscription");
  await page.getByLabel("Adresse électronique").fill("pas-une-adresse");
  await page.getByLabel("Mot de passe", { exact: false }).fill("court");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByText("Saisissez une adresse électronique valide")).toBeVisible();
  await expect(page.getByText("Le mot de passe doit contenir au moins 10 caractères.")).toBeVisible();
  await expect(page.getByLabel("Adresse électronique")).toHaveValue("pas-une-adresse");
});

test("home and sign-in pages have no serious accessibility violation", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Le wiki de la Solidarité numérique");
  await expectNoSeriousA11yViolations(page);
  await page.goto("/connexion");
  await expectNoSeriousA11yViolations(page);
});

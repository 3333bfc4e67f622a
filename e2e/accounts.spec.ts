import { expect, expectNoSeriousA11yViolations, formAlert, newUserData, signIn, signOut, signUp, test } from "./fixtures";

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

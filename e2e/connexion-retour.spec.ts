import type { Page } from "@playwright/test";
import { createUserWithCli, expect, expectNoSeriousA11yViolations, newUserData, test, type TestUser } from "./fixtures";

const FICHE = "/fiches/garage-informatique";

/** Fills and sends the sign-in form of the page already open, wherever its link came from. */
async function sendSignInForm(page: Page, user: TestUser): Promise<void> {
  await page.getByRole("main").getByLabel("Adresse électronique").fill(user.email);
  await page.getByRole("main").getByLabel("Mot de passe").fill(user.password);
  await page.getByRole("main").getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("navigation", { name: "Mon compte" }).getByRole("link", { name: user.name })).toBeVisible();
}

function accountNav(page: Page) {
  return page.getByRole("navigation", { name: "Mon compte" });
}

test("a visitor reading a fiche signs in to edit it and lands in its editor", async ({ page }) => {
  const user = newUserData("retour");
  createUserWithCli(user, "contributeur");

  await page.goto(FICHE);
  await expect(page.getByRole("heading", { level: 1, name: "Garage informatique" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Modifier la fiche", exact: true })).toHaveCount(0);
  const invitation = page.getByRole("link", { name: "Se connecter pour modifier cette fiche" });
  await expect(invitation).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await invitation.click();
  await expect(page).toHaveURL(`/connexion?retour=${encodeURIComponent(`${FICHE}/modifier`)}`);
  await sendSignInForm(page, user);
  await expect(page).toHaveURL(`${FICHE}/modifier`);
  await expect(page.getByRole("heading", { level: 1, name: "Modifier la fiche" })).toBeVisible();

  // Signed in, the fiche offers its editor and no longer the invitation.
  await page.goto(FICHE);
  await expect(page.getByRole("link", { name: "Modifier la fiche", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Se connecter pour modifier cette fiche" })).toHaveCount(0);
});

test("the header's « Se connecter » comes back to the page it was followed from, query included", async ({ page }) => {
  const user = newUserData("retour");
  createUserWithCli(user, "contributeur");

  await page.goto("/recherche?q=garage");
  await accountNav(page).getByRole("link", { name: "Se connecter", exact: true }).click();
  await expect(page).toHaveURL(`/connexion?retour=${encodeURIComponent("/recherche?q=garage")}`);
  // On the sign-in page itself, the header keeps pointing back to the same page, not to /connexion.
  await expect(accountNav(page).getByRole("link", { name: "Se connecter", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(accountNav(page).getByRole("link", { name: "Se connecter", exact: true })).toHaveAttribute(
    "href",
    `/connexion?retour=${encodeURIComponent("/recherche?q=garage")}`,
  );
  await sendSignInForm(page, user);
  await expect(page).toHaveURL("/recherche?q=garage");
});

test("a newcomer who follows « Créer un compte » from a fiche comes back to it once signed up", async ({ page }) => {
  const user = newUserData("retour");

  await page.goto(FICHE);
  await accountNav(page).getByRole("link", { name: "Créer un compte" }).click();
  await expect(page).toHaveURL(`/inscription?retour=${encodeURIComponent(FICHE)}`);
  await page.getByLabel("Votre nom ou prénom").fill(user.name);
  await page.getByLabel("Adresse électronique").fill(user.email);
  await page.getByLabel("Mot de passe", { exact: false }).fill(user.password);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(accountNav(page).getByRole("link", { name: user.name })).toBeVisible();
  await expect(page).toHaveURL(FICHE);
});

for (const hostile of ["//evil.example", "/\\evil.example", "https://evil.example/fiches"]) {
  test(`a return address that leaves the site (${hostile}) lands on the home page`, async ({ page, baseURL }) => {
    const user = newUserData("retour");
    createUserWithCli(user, "contributeur");

    await page.goto(`/connexion?retour=${encodeURIComponent(hostile)}`);
    await expect(page.getByRole("main").getByRole("link", { name: "Créer un compte" })).toHaveAttribute("href", "/inscription");
    await sendSignInForm(page, user);
    await expect(page).toHaveURL(`${baseURL}/`);
  });
}

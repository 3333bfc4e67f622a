import { createUserWithCli, expect, expectNoSeriousA11yViolations, newUserData, signInAs, test } from "./fixtures";

test("a theme page lists the Livre blanc's fiches on a fresh install, suggested themes marked, and can leave them out", async ({ page }) => {
  await page.goto("/themes/sante");
  await expect(page.getByRole("heading", { level: 1, name: "Santé" })).toBeVisible();
  const fiches = page.getByRole("region", { name: "Fiches" });
  await expect(fiches.getByRole("link", { name: "DOM Assist" })).toBeVisible();
  await expect(fiches.getByRole("listitem").filter({ hasText: /^Santé/ }).first()).toContainText("(suggéré)");
  await expect(fiches.getByText(/fiches publiées, dont \d+ où ce thème est suggéré/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "Voir seulement les fiches où il est confirmé" }).click();
  await expect(page).toHaveURL(/\/themes\/sante\?suggeres=non$/);
  await expect(fiches.getByRole("link", { name: "DOM Assist" })).toHaveCount(0);

  // The fiche list says the same, through its filter form.
  await page.goto("/fiches?theme=emploi");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "T.A.P.A.J" })).toBeVisible();
  await page.getByRole("checkbox", { name: /Thèmes confirmés seulement/ }).check();
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/suggeres=non/);
  await expect(page.getByRole("link", { name: "T.A.P.A.J" })).toHaveCount(0);
});

test("an editor confirms a suggested theme and marks a fiche as ébauche; readers see both", async ({ page }) => {
  const moderator = newUserData("theme-mod");
  createUserWithCli(moderator, "moderateur");
  await signInAs(page, moderator);

  await page.goto("/fiches/garage-informatique");
  const enBref = page.getByRole("region", { name: "En bref" });
  await expect(enBref.getByRole("listitem").filter({ hasText: "E-inclusion" })).toContainText("(suggéré)");

  await page.goto("/fiches/garage-informatique/modifier");
  const suggestions = page.getByRole("region", { name: "Thèmes suggérés d'après le texte" });
  await suggestions.getByRole("button", { name: "Confirmer le thème E-inclusion" }).click();
  await expect(suggestions).toHaveCount(0);
  await expect(page.getByRole("group", { name: "Thèmes" }).getByRole("checkbox", { name: "E-inclusion" })).toBeChecked();
  await page.getByRole("checkbox", { name: /^Ébauche/ }).check();
  await expect(page.getByText("Enregistré", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The projection runs in the background: the page shows the change once it has run.
  await expect(async () => {
    await page.goto("/fiches/garage-informatique");
    await expect(page.getByRole("list", { name: "État de la fiche" }).getByText("Ébauche", { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(enBref.getByRole("listitem").filter({ hasText: "E-inclusion" })).not.toContainText("(suggéré)");

  // Among the ébauches (the fiches pratiques of the 2021 study are too), with e-inclusion confirmed: this one.
  await page.goto("/fiches?theme=e-inclusion&suggeres=non&ebauche=oui");
  await expect(page.getByRole("main").getByRole("heading", { level: 3 })).toHaveText(["Garage informatique"]);
  await page.goto("/themes/e-inclusion?suggeres=non");
  await expect(page.getByRole("region", { name: "Fiches" }).getByRole("link", { name: "Garage informatique" })).toBeVisible();
});

import { createUserWithCli, expect, expectNoSeriousA11yViolations, newUserData, signInAs, test } from "./fixtures";

const resultCount = async (page: import("@playwright/test").Page) =>
  Number((await page.getByRole("heading", { level: 2, name: /^\d+ résultats?$/ }).textContent())!.match(/\d+/)![0]);

test("'administration' finds the Livre blanc's fiches about démarches administratives, through the stems", async ({ page }) => {
  await page.goto("/recherche?q=administration");
  expect(await resultCount(page)).toBeGreaterThan(0);
  const demarches = page.locator(".search-result").filter({ hasText: /démarches administratives/i });
  await expect(demarches.first()).toBeVisible();
  await expect(demarches.first().locator("mark", { hasText: /^administrati/i }).first()).toBeVisible();
});

test("an admin adds a synonym group and the next search uses it", async ({ page }) => {
  const admin = newUserData("admin");
  createUserWithCli(admin, "admin");
  // A word no text holds, so that only the new group can make it find anything.
  const word = `zorglub${admin.email.slice(6, 12).replace(/[^a-z]/g, "")}`;
  await page.goto(`/recherche?q=${word}`);
  await expect(page.getByRole("heading", { level: 2, name: "Aucun résultat" })).toBeVisible();

  await signInAs(page, admin);
  await page.goto("/admin");
  await page.getByRole("link", { name: "Synonymes de la recherche" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Synonymes de la recherche" })).toBeVisible();
  // The shipped groups are there.
  await expect(page.getByRole("heading", { level: 3, name: /^CAF · caisse d'allocations familiales$/ })).toBeVisible();

  const form = page.getByRole("form", { name: "Ajouter un groupe" });
  const expressions = form.getByRole("textbox", { name: /Expressions synonymes/ });
  await expressions.fill(word);
  await form.getByRole("button", { name: "Ajouter le groupe" }).click();
  await expect(form.getByRole("alert")).toHaveText("Certains champs sont à corriger.");
  await expect(expressions).toHaveAccessibleDescription(/Un groupe réunit au moins deux expressions, une par ligne\./);

  await expressions.fill(`${word}\ndémarches administratives`);
  await form.getByRole("button", { name: "Ajouter le groupe" }).click();
  await expect(form.getByRole("status")).toHaveText(`Le groupe « ${word} », « démarches administratives » a été ajouté.`);
  await expect(page.getByRole("heading", { level: 3, name: `${word} · démarches administratives` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/recherche?q=${word}`);
  expect(await resultCount(page)).toBeGreaterThan(0);
  // FTS5 marks a matched phrase as one run.
  await expect(page.locator(".search-result mark", { hasText: /^démarches administratives$/i }).first()).toBeVisible();
});

import { expect, expectNoSeriousA11yViolations, formAlert, newUserData, signUp, test } from "./fixtures";

test("a contributor creates a token on their account page, creates a fiche with it, then revokes it", async ({ page, request }) => {
  const user = newUserData("api");
  await signUp(page, user);
  await page.goto("/compte");
  const tokens = page.getByRole("region", { name: "Jetons d'accès à l'API" });
  await expect(tokens.getByText("Vous n'avez aucun jeton actif.")).toBeVisible();

  // A nameless token is refused in French, and nothing is created.
  await tokens.getByRole("button", { name: "Créer un jeton" }).click();
  await expect(formAlert(page)).toContainText("Certains champs sont à corriger.");
  await expect(tokens.getByText("Le nom du jeton est obligatoire.")).toBeVisible();

  await tokens.getByLabel("Nom du jeton").fill("Script de synchronisation");
  await tokens.getByRole("button", { name: "Créer un jeton" }).click();
  const shown = tokens.getByLabel("Votre nouveau jeton « Script de synchronisation »");
  await expect(shown).toBeFocused();
  await expect(tokens.getByText("Copiez ce jeton maintenant : il ne sera plus jamais affiché.")).toBeVisible();
  const token = await shown.inputValue();
  expect(token).toMatch(/^wsn_[A-Za-z0-9_-]{43}$/);
  await expect(tokens.getByRole("listitem").filter({ hasText: "Script de synchronisation" })).toContainText("jamais utilisé");
  await expectNoSeriousA11yViolations(page);

  // Without a token, a write is refused by the API itself (no cross-site check applies: the API reads no cookie).
  const anonymous = await request.post("/api/v1/fiches", { data: { type: "idee", titre: "Sans jeton" } });
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("token_required");

  // The request context shares no cookie with the page: the token alone authenticates.
  const titre = `Atelier tablettes ${user.name}`;
  const created = await request.post("/api/v1/fiches", {
    headers: { Authorization: `Bearer ${token}` },
    data: { type: "pratique", titre, commune: "Bordeaux", themes: ["e-inclusion"] },
  });
  expect(created.status()).toBe(201);
  const fiche = (await created.json()) as { slug: string; statut: string };
  expect(fiche.statut).toBe("brouillon");
  expect((await request.get(`/api/v1/fiches/${fiche.slug}`)).status()).toBe(404);

  await page.goto(`/fiches/${fiche.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: titre })).toBeVisible();
  await expect(page.getByRole("main").getByText("Bordeaux", { exact: true })).toBeVisible();

  const published = await request.patch(`/api/v1/fiches/${fiche.slug}`, { headers: { Authorization: `Bearer ${token}` }, data: { statut: "publiee" } });
  expect(published.status()).toBe(200);
  expect((await request.get(`/api/v1/fiches/${fiche.slug}`)).status()).toBe(200);

  // Once the page is left, the token is never shown again; it is revoked after a confirmation.
  await page.goto("/compte");
  await expect(page.getByLabel("Votre nouveau jeton « Script de synchronisation »")).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0);
  await expect(tokens.getByText(/dernière utilisation le/)).toBeVisible();
  await tokens.getByRole("button", { name: "Révoquer le jeton Script de synchronisation" }).click();
  await tokens.getByRole("button", { name: "Confirmer la révocation du jeton Script de synchronisation" }).click();
  await expect(tokens.getByRole("status")).toContainText("Le jeton « Script de synchronisation » est révoqué");
  await expect(tokens.getByText("Vous n'avez aucun jeton actif.")).toBeVisible();

  const refused = await request.patch(`/api/v1/fiches/${fiche.slug}`, { headers: { Authorization: `Bearer ${token}` }, data: { commune: "Pessac" } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: { code: "invalid_token", message: "This API token is unknown, revoked, or its account is disabled." } });
});

test("the API page explains tokens and errors and lists every endpoint, readable at 320 px", async ({ page, request }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "API ouverte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API ouverte" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Écrire, avec un jeton personnel" })).toBeVisible();
  const openapi = (await (await request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, object> };
  const endpoints = page.getByRole("heading", { name: "Points d'accès" }).locator("xpath=following-sibling::ul[1]").getByRole("listitem");
  const listed = Object.values(openapi.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  await expect(endpoints).toHaveCount(listed);
  await expect(endpoints.filter({ hasText: "PATCH /api/v1/fiches/{slug}" })).toContainText("jeton requis");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectNoSeriousA11yViolations(page);
});

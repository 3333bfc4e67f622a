import { expect, expectNoSeriousA11yViolations, newUserData, signUp, test } from "./fixtures";

test("a search typed without accents finds the accented fiche, and a facet narrows the list", async ({ page, browser }) => {
  const author = newUserData("autrice");
  await signUp(page, author);
  const mot = `Ménestrels${author.email.slice(7, 11).replace(/[^a-z]/g, "")}`;
  const titre = `Démarches en ligne avec les aînés ${mot}`;
  await page.goto("/fiches/nouvelle");
  await page.getByRole("radio", { name: "Pratique observée" }).check();
  await page.getByRole("textbox", { name: "Titre (obligatoire)" }).fill(titre);
  await page.getByRole("button", { name: "Créer la fiche" }).click();
  await expect(page.getByText("Enregistré", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Publier la fiche" }).click();
  await expect(page.getByText("La fiche est publiée.")).toBeVisible();

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto("/");
  const box = visitor.getByRole("combobox", { name: "Rechercher dans le wiki" });
  await box.fill(`demarches aines ${mot.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")}`);
  await box.press("Enter");
  await expect(visitor).toHaveURL(/\/recherche\?q=/);
  const firstResult = visitor.locator(".search-result").first();
  await expect(firstResult.getByRole("link", { name: titre })).toBeVisible();
  await expect(firstResult.locator("mark").first()).toBeVisible();
  await expectNoSeriousA11yViolations(visitor);

  // A broad query, then a facet: every remaining result has the chosen type.
  await visitor.goto("/recherche?q=numerique");
  const total = Number((await visitor.getByRole("heading", { level: 2, name: /^\d+ résultats?$/ }).textContent())!.match(/\d+/)![0]);
  const facet = visitor.getByRole("group", { name: "Type" }).getByRole("checkbox", { name: /^Idées à explorer \(\d+\)$/ });
  const facetName = await facet.evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? "");
  const expected = Number(/\((\d+)\)/.exec(facetName)![1]);
  await facet.check();
  await visitor.getByRole("button", { name: "Appliquer les filtres" }).click();
  await expect(visitor).toHaveURL(/type=idee/);
  const narrowed = Number((await visitor.getByRole("heading", { level: 2, name: /^\d+ résultats?$/ }).textContent())!.match(/\d+/)![0]);
  expect(narrowed).toBe(expected);
  expect(narrowed).toBeLessThan(total);
  const types = await visitor.locator(".search-result__type").allTextContents();
  expect(types.length).toBeGreaterThan(0);
  expect(new Set(types)).toEqual(new Set(["Idée à explorer"]));
  await visitorContext.close();
});

test("a search that finds nothing says so and offers ways forward", async ({ page }) => {
  await page.goto("/recherche?q=zzqxw+plorbtang");
  await expect(page.getByRole("heading", { level: 2, name: "Aucun résultat" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

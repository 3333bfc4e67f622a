import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

test("the coverage view writes the gaps out and downloads its tables as CSV", async ({ page, request }) => {
  await page.goto("/");
  await page.getByRole("main").getByRole("link", { name: "Ce qui existe, ce qui manque" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ce qui existe, ce qui manque" })).toBeVisible();
  const byPublic = page.getByRole("table", { name: "Fiches et lieux par public (lignes) et par service (colonnes)" });
  await expect(byPublic.getByRole("columnheader", { name: "Aide aux démarches administratives" })).toBeVisible();
  await expect(byPublic.getByRole("rowheader", { name: "Surdité" })).toBeVisible();
  // The Livre blanc's fiches carry no service theme yet: the women row has nothing anywhere.
  const femmes = byPublic.getByRole("row", { name: /^Femmes/ });
  await expect(femmes.getByRole("cell", { name: "aucun" })).toHaveCount(9);
  await expect(page.getByRole("table", { name: "Fiches et lieux par commune (lignes) et par thème (colonnes)" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const csv = await request.get("/couverture/publics-services.csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toContain("couverture-publics-services.csv");
  const lines = (await csv.text()).replace(/^\ufeff/, "").trimEnd().split("\r\n");
  expect(lines[0]).toBe("public,liste,service,fiches,lieux");
  expect(lines).toContain("Femmes,Publics spécifiquement adressés,Aide aux démarches administratives,0,0");
  const byCommune = await request.get("/couverture/themes-communes.csv");
  expect((await byCommune.text()).replace(/^\ufeff/, "").split("\r\n")[0]).toBe("commune,theme,fiches,lieux");
});

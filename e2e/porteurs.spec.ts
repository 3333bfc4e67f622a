import { createActeurWithLieux } from "./carte-helpers";
import { expect, newUserData, signUp, test } from "./fixtures";

// Porteurs govern a fiche. A contributor who is not a member of its porteurs cannot make their own
// organisation porteur of someone else's fiche: the editor does not offer it, and proposes instead.
test("a contributor cannot make their acteur porteur of someone else's fiche, and proposes it instead", async ({ page }) => {
  const user = newUserData();
  const nom = `Relais numérique ${user.email.slice(8, 16)}`;
  await signUp(page, user);
  await createActeurWithLieux(page, nom, []);

  // A fiche of the Livre blanc, carried by its own porteurs.
  await page.goto("/fiches/dom-assist/modifier");
  await expect(page.getByText("Enregistré", { exact: true })).toBeVisible();
  await expect(page.getByText("Seuls les membres des porteurs et les modérateurs choisissent les porteurs")).toBeVisible();
  // INRIA is one of its porteurs (CARSAT and the UDCCA are partenaires, which anyone may change).
  await expect(page.getByRole("combobox", { name: "Rôle de INRIA" })).toBeDisabled();

  await page.getByRole("combobox", { name: "Ajouter un acteur" }).fill(nom);
  await page.getByRole("option", { name: new RegExp(nom) }).click();
  const role = page.getByLabel(`Rôle de ${nom}`);
  await expect(role).toHaveValue("partenaire");
  await expect(role.locator("option")).toHaveText(["Porteur proposé", "Partenaire", "Financeur"]);
  await role.selectOption({ label: "Porteur proposé" });
  await expect(page.getByText("Enregistré", { exact: true })).toBeVisible();

  // The fiche's page reads its projection, which follows the editor within a couple of seconds.
  const proposes = page.getByRole("region", { name: "Porteurs proposés", exact: true });
  await expect(async () => {
    await page.goto("/fiches/dom-assist");
    await expect(proposes.getByRole("link", { name: nom })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole("region", { name: "Porteurs", exact: true }).getByRole("link", { name: nom })).toHaveCount(0);
});

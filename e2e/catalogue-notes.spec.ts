import { expect, expectNoSeriousA11yViolations, newUserData, signUp, test } from "./fixtures";

// A fiche the wiki's first start imports from the Livre blanc.
const FICHE = "Numéclic";

// Each fiche's note form is built only once its disclosure opens (200 closed forms made the editor
// slow to show): opening it, a refused note and a saved one must behave as before.
test("a trainer opens a fiche's note in the catalogue editor, is told what is wrong, then saves it", async ({ page }) => {
  const trainer = newUserData("formatrice");
  await signUp(page, trainer);
  await page.goto("/catalogues/nouveau");
  await page.getByLabel("Titre du catalogue").fill(`Orienter les habitants ${trainer.email.slice(11, 19)}`);
  await page.getByRole("button", { name: "Créer le catalogue" }).click();
  await expect(page.getByText("Le catalogue a été créé.")).toBeVisible();
  await page.getByLabel("Titre du nouveau module").fill("Accueillir la personne");
  await page.getByRole("button", { name: "Ajouter le module" }).click();
  await expect(page.getByText("Le module « Accueillir la personne » a été ajouté.")).toBeVisible();
  const picker = page.getByRole("combobox", { name: "Fiche à ajouter" });
  await picker.fill("numeclic");
  await expect(page.getByRole("option", { name: new RegExp(`^${FICHE}`) })).toBeVisible();
  await picker.press("ArrowDown");
  await picker.press("Enter");
  await page.getByRole("button", { name: "Ajouter la fiche" }).click();
  await expect(page.getByText(`« ${FICHE} » a été ajoutée au module.`)).toBeVisible();

  const note = page.getByLabel(`Note du formateur sur ${FICHE}`);
  const duree = page.getByLabel(`Durée de ${FICHE}`);
  await expect(note).toHaveCount(0);
  // A row shows its tools on demand: the button says whether they are open.
  const options = page.getByRole("button", { name: `Options de ${FICHE}` });
  await expect(options).toHaveAttribute("aria-expanded", "false");
  await options.click();
  await expect(options).toHaveAttribute("aria-expanded", "true");
  await page.getByText(`Modifier la note et la durée de ${FICHE}`).click();
  await note.fill("Pour montrer le parcours d'une démarche en ligne.");
  await duree.fill("x".repeat(101));
  await page.getByRole("button", { name: `Enregistrer la note de ${FICHE}` }).click();
  await expect(page.locator(".catalogue-item .field-error")).toContainText("100 caractères au maximum.");
  await expect(note).toHaveValue("Pour montrer le parcours d'une démarche en ligne.");
  await expectNoSeriousA11yViolations(page);

  await duree.fill("1 h");
  await page.getByRole("button", { name: `Enregistrer la note de ${FICHE}` }).click();
  await expect(page.getByText("Note enregistrée.")).toBeVisible();
  await expect(page.locator(".catalogue-item").getByText("Durée : 1 h · Note : Pour montrer le parcours d'une démarche en ligne.")).toBeVisible();

  // The editor's first render shows a module's first four fiches; the others follow at once.
  for (const [query, titre] of [["papi", "Les Papi's à Brest"], ["fobagra", "Fobagra"], ["pictolire", "Pictolire"], ["garage informatique", "Garage informatique"]]) {
    await picker.fill(query);
    await expect(page.getByRole("option", { name: new RegExp(`^${titre}`) }).first()).toBeVisible();
    await picker.press("ArrowDown");
    await picker.press("Enter");
    await page.getByRole("button", { name: "Ajouter la fiche" }).click();
    await expect(page.getByText(`« ${titre} » a été ajoutée au module.`)).toBeVisible();
  }
  await page.reload();
  await expect(page.locator(".catalogue-item__titre")).toHaveText([FICHE, "Les Papi's à Brest", "Fobagra", "Pictolire", "Garage informatique"]);
});

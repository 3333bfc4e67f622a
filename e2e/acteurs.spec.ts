import { createUserWithCli, expect, expectNoSeriousA11yViolations, newUserData, signInAs, signOut, signUp, test } from "./fixtures";

test("a contributor presents their organisation with a lieu, finds it in the directory, and signs out", async ({ page }) => {
  const user = newUserData();
  const nom = `Les Connectés ${user.email.slice(8, 16)}`;
  await signUp(page, user);
  await signOut(page);
  await signInAs(page, user);

  await page.goto("/acteurs/nouveau");
  await page.getByLabel("Nom de l'organisation").fill(nom);
  await page.getByLabel("Catégorie").selectOption({ label: "Acteur à but non lucratif" });
  await page.getByLabel("Type d'organisation").selectOption({ label: "Association" });
  await page.getByLabel("Présentation").fill("Ateliers numériques pour les seniors du quartier Saint-Michel.");
  await page.getByRole("group", { name: "Thèmes d'action" }).getByLabel("Intergénérationnel").check();
  await page.getByRole("button", { name: "Créer l'acteur" }).click();
  await expect(page.getByRole("heading", { level: 1, name: nom })).toBeVisible();
  await expect(page.getByText("L'acteur a été créé.")).toBeVisible();

  await page.getByRole("link", { name: "Ajouter le premier lieu" }).click();
  await page.getByLabel("Nom du lieu").fill("Espace numérique Saint-Michel");
  await page.getByLabel("Numéro et voie").fill("12 place Canteloup");
  await page.getByLabel("Code postal").fill("33800");
  await page.getByLabel("Commune", { exact: false }).fill("Bègles");
  await page.getByLabel("Horaires d'ouverture").fill("Mo-Fr 09:00-12:00");
  await page.getByRole("group", { name: "Services proposés" }).getByLabel("Aide aux démarches administratives").check();
  await page.getByRole("button", { name: "Ajouter le lieu" }).click();
  await expect(page.getByText("Le lieu a été ajouté.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Espace numérique Saint-Michel" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto("/acteurs");
  await page.getByRole("main").getByLabel("Commune").selectOption("Bègles");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/commune=B%C3%A8gles/);
  await expect(page.getByRole("link", { name: nom })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("main").getByLabel("Rechercher").fill("connectes");
  await page.getByRole("main").getByLabel("Commune").selectOption("");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByRole("link", { name: nom })).toBeVisible();

  await signOut(page);
});

test("a visitor cannot reach an acteur's edit page", async ({ page, browser }) => {
  const owner = newUserData("membre");
  await signUp(page, owner);
  await page.goto("/acteurs/nouveau");
  const nom = `Centre social ${owner.email.slice(7, 15)}`;
  await page.getByLabel("Nom de l'organisation").fill(nom);
  await page.getByLabel("Catégorie").selectOption({ label: "Acteur à but non lucratif" });
  await page.getByLabel("Type d'organisation").selectOption({ label: "Centre social" });
  await page.getByRole("button", { name: "Créer l'acteur" }).click();
  await expect(page.getByRole("heading", { level: 1, name: nom })).toBeVisible();
  const acteurUrl = new URL(page.url()).pathname;

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(`${acteurUrl}/modifier`);
  await expect(visitor).toHaveURL(/\/connexion\?retour=/);
  await visitor.goto(acteurUrl);
  await expect(visitor.getByRole("heading", { level: 1, name: nom })).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Modifier l'acteur" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(visitor);

  const stranger = newUserData("inconnu");
  await signUp(visitor, stranger);
  await visitor.goto(`${acteurUrl}/modifier`);
  await expect(visitor.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
  await visitorContext.close();
});

test("an admin promotes a user to moderator", async ({ page, browser }) => {
  const admin = newUserData("admin");
  createUserWithCli(admin, "admin");
  const user = newUserData("benevole");
  const other = await browser.newPage();
  await signUp(other, user);
  await other.close();

  await signInAs(page, admin);
  await page.getByRole("navigation", { name: "Mon compte" }).getByRole("link", { name: "Administration" }).click();
  await page.getByRole("link", { name: "Utilisateurs" }).click();
  await page.getByLabel(`Rôle de ${user.name}`).selectOption("moderateur");
  await page.getByRole("button", { name: `Changer le rôle de ${user.name}` }).click();
  await expect(page.getByText(`${user.name} a maintenant le rôle « Modérateur ».`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the directory and the taxonomies have no serious accessibility violation", async ({ page }) => {
  await page.goto("/acteurs");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto("/taxonomies");
  await expectNoSeriousA11yViolations(page);
});

import type { Browser, Page } from "@playwright/test";
import { createUserWithCli, expect, expectNoSeriousA11yViolations, newUserData, signInAs, signOut, signUp, test, type TestUser } from "./fixtures";

// Acteurs imported from the Livre blanc start without members. Each test claims its own, so that
// none depends on another's data.

/** Finds an acteur in the directory by name and opens its page. */
async function openActeurFromDirectory(page: Page, nom: string): Promise<void> {
  await page.goto("/acteurs");
  await page.getByRole("main").getByLabel("Rechercher").fill(nom);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await page.getByRole("link", { name: nom, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: nom })).toBeVisible();
}

/** Sends the "Demandez à la gérer" form of the acteur page the association is on. */
async function requestToManage(page: Page, fonction: string): Promise<void> {
  const claim = page.getByRole("form", { name: "Vous faites partie de cette organisation ? Demandez à la gérer" });
  await claim.getByLabel("Votre fonction dans l'organisation").fill(fonction);
  await claim.getByLabel("Votre message").fill("Je coordonne les ateliers numériques de l'association ; vous pouvez vérifier auprès de notre accueil.");
  await claim.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page.getByText("Votre demande a été transmise aux modérateurs.")).toBeVisible();
  await expect(page.getByText("Votre demande est en attente")).toBeVisible();
}

/** A moderator, created as an administrator would, decides the association's request in /moderation. */
async function decideAsModerator(browser: Browser, association: TestUser, decision: "Accepter" | "Refuser", note?: string): Promise<void> {
  const moderator = newUserData("moderatrice");
  createUserWithCli(moderator, "moderateur");
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, moderator);
  await page.goto("/moderation");
  const queue = page.getByRole("region", { name: /Demandes de gestion d'acteurs/ });
  const request = queue.getByRole("listitem").filter({ hasText: association.email });
  await expect(request).toContainText("Présidente");
  if (note) await request.getByLabel("Note pour la personne (facultatif)").fill(note);
  await request.getByRole("button", { name: decision }).click();
  await expect(page.getByRole("status").filter({ hasText: decision === "Accepter" ? "La demande est acceptée" : "La demande est refusée" })).toBeVisible();
  await expect(queue.getByRole("listitem").filter({ hasText: association.email })).toHaveCount(0);
  await context.close();
}

test("a visitor is asked to sign in; a signed-in person's request is checked field by field, then waits", async ({ page }) => {
  await openActeurFromDirectory(page, "OuiShare");
  const signInLink = page.getByRole("link", { name: "Connectez-vous pour demander à la gérer" });
  await expect(signInLink).toHaveAttribute("href", `/connexion?retour=${encodeURIComponent("/acteurs/ouishare")}`);

  const association = newUserData("association");
  await signUp(page, association);
  await page.goto("/acteurs/ouishare");
  const claim = page.getByRole("form", { name: "Vous faites partie de cette organisation ? Demandez à la gérer" });
  await claim.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page.getByText("Certains champs sont à corriger.")).toBeVisible();
  await expect(claim.getByLabel("Votre fonction dans l'organisation")).toHaveAccessibleDescription(/Votre fonction dans l'organisation est obligatoire\./);
  await expect(claim.getByLabel("Votre message")).toHaveAccessibleDescription(/Votre message est obligatoire\./);
  await expectNoSeriousA11yViolations(page);
  await requestToManage(page, "Présidente");
  await expect(claim).toHaveCount(0);

  await page.goto("/compte");
  await expect(page.getByRole("region", { name: "Mes demandes de gestion" })).toContainText(/OuiShare.*En attente/);
});

test("an association claims an imported acteur, a moderator accepts, and the association edits it", async ({ page, browser }) => {
  const association = newUserData("association");
  await signUp(page, association);
  await openActeurFromDirectory(page, "Framasoft");
  await requestToManage(page, "Présidente");

  await decideAsModerator(browser, association, "Accepter");

  await signOut(page);
  await signInAs(page, association);
  await page.goto("/acteurs/framasoft");
  await expect(page.getByRole("region", { name: "Membres" }).getByRole("listitem").filter({ hasText: association.name })).toBeVisible();
  await page.getByRole("link", { name: "Modifier l'acteur" }).click();
  await page.getByLabel("Présentation").fill("Éducation populaire aux libertés numériques, mise à jour par l'association.");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();

  await page.goto("/compte");
  await expect(page.getByRole("region", { name: "Mes demandes de gestion" })).toContainText(/Framasoft.*Acceptée le/);
});

test("a refused association reads the moderator's note on its account and stays out", async ({ page, browser }) => {
  const association = newUserData("association");
  await signUp(page, association);
  await openActeurFromDirectory(page, "Khan Academy");
  await requestToManage(page, "Présidente");

  await decideAsModerator(browser, association, "Refuser", "Nous n'avons pas pu vérifier votre lien avec Khan Academy.");

  await page.goto("/compte");
  const claims = page.getByRole("region", { name: "Mes demandes de gestion" });
  await expect(claims).toContainText("Refusée le");
  await expect(claims).toContainText("Nous n'avons pas pu vérifier votre lien avec Khan Academy.");
  await page.goto("/acteurs/khan-academy");
  await expect(page.getByRole("link", { name: "Modifier l'acteur" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Vous faites partie de cette organisation ? Demandez à la gérer" })).toBeVisible();
});

test("an accepted association locks a fiche its acteur carries", async ({ page, browser }) => {
  const association = newUserData("association");
  await signUp(page, association);
  await openActeurFromDirectory(page, "Les Petits Débrouillards");
  await requestToManage(page, "Présidente");
  await decideAsModerator(browser, association, "Accepter");

  await page.goto("/fiches/open-bidouille-camp/modifier");
  const governance = page.getByRole("region", { name: "Publication et protection" });
  await governance.getByRole("button", { name: "Verrouiller la fiche" }).click();
  await expect(page.getByText("La fiche est verrouillée : seuls ses porteurs et les modérateurs peuvent la modifier.")).toBeVisible();
  await expect(governance).toContainText("Statut : Publiée · verrouillée");
});

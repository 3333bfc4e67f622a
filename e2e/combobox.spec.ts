import type { Locator, Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, newUserData, signUp, test } from "./fixtures";

// The one combobox (components/ui/Combobox.tsx), in each of its four places, driven by the keyboard
// only: type, ArrowDown, Enter. Each test checks what the choice did, not only what the list showed.

/** ArrowDown highlights the first option, named `name`, through aria-activedescendant; Enter picks it. */
async function pickFirstOption(page: Page, box: Locator, name: RegExp): Promise<void> {
  const option = page.getByRole("option", { name }).first();
  await expect(option).toBeVisible();
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("ArrowDown");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id"))!);
  await page.keyboard.press("Enter");
}

test("the header's search box opens a suggestion from the keyboard, and Escape closes then clears", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("combobox", { name: "Rechercher dans le wiki" });
  await box.focus();
  await page.keyboard.type("numecl");
  await expect(page.getByRole("status").filter({ hasText: /^\d+ suggestions?, parcourez-les avec les flèches haut et bas\.$/ })).toBeAttached();
  await pickFirstOption(page, box, /^Numéclic/);
  await expect(page).toHaveURL(/\/fiches\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Numéclic" })).toBeVisible();

  await box.focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("pictol");
  await expect(page.getByRole("option", { name: /^Pictolire/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("listbox", { name: "Suggestions" })).toBeHidden();
  await expect(box).toHaveValue("pictol");
  await page.keyboard.press("Escape");
  await expect(box).toHaveValue("");

  // Without a highlighted suggestion, Enter runs the full search.
  await page.keyboard.type("atelier");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/recherche\?q=atelier/);
});

test("a tap on a suggestion opens it, on a touch screen", async ({ browser }) => {
  // Wide enough for the header to show its search box without a menu.
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  await page.goto("/");
  const box = page.getByRole("combobox", { name: "Rechercher dans le wiki" });
  await box.tap();
  await page.keyboard.type("pictol");
  await page.getByRole("option", { name: /^Pictolire/ }).tap();
  await expect(page.getByRole("heading", { level: 1, name: "Pictolire" })).toBeVisible();
  await context.close();
});

test("an answer that comes after a newer one was asked for never replaces it", async ({ page }) => {
  let slowDone!: () => void;
  const slowHandled = new Promise<void>((resolve) => (slowDone = resolve));
  const answer = (label: string) => JSON.stringify({ suggestions: [{ kind: "fiche", label, href: "/fiches/numeclic", typeLabel: "Pratique observée" }] });
  await page.route("**/api/recherche/suggestions?**", async (route) => {
    const q = new URL(route.request().url()).searchParams.get("q");
    if (q !== "ate") return route.fulfill({ contentType: "application/json", body: answer("Réponse à atel") });
    // Held until the newer answer is on screen, then sent: the browser must have dropped the request.
    await expect(page.getByRole("option", { name: "Réponse à atel" })).toBeVisible();
    await route.fulfill({ contentType: "application/json", body: answer("Réponse périmée à ate") }).catch(() => undefined);
    slowDone();
  });
  await page.goto("/");
  const box = page.getByRole("combobox", { name: "Rechercher dans le wiki" });
  await box.focus();
  const slowRequest = page.waitForRequest((request) => request.url().includes("q=ate&") || request.url().endsWith("q=ate"));
  await page.keyboard.type("ate");
  await slowRequest;
  await page.keyboard.type("l");
  await slowHandled;
  await expect(page.getByRole("option")).toHaveCount(1);
  await expect(page.getByRole("option", { name: /^Réponse à atel/ })).toBeVisible();
});

test("the catalogue editor's fiche picker chooses a fiche from the keyboard, and Enter then adds it", async ({ page }) => {
  const trainer = newUserData("formateur");
  await signUp(page, trainer);
  await page.goto("/catalogues");
  await page.getByRole("link", { name: "Créer un catalogue" }).click();
  await page.getByLabel("Titre du catalogue").fill(`Parcours clavier ${trainer.email.slice(10, 18)}`);
  await page.getByLabel("Description").fill("Un module pour tester le choix d'une fiche au clavier.");
  await page.getByLabel("Public visé").fill("Bénévoles");
  await page.getByLabel("Objectifs").fill("Accueillir.");
  await page.getByLabel("Durée de la formation").fill("1 jour");
  await page.getByRole("button", { name: "Créer le catalogue" }).click();
  await page.getByLabel("Titre du nouveau module").fill("Accueillir");
  await page.getByRole("button", { name: "Ajouter le module" }).click();
  await expect(page.getByText("Le module « Accueillir » a été ajouté.")).toBeVisible();

  const picker = page.getByRole("combobox", { name: "Fiche à ajouter (obligatoire)" });
  // No match says so. With nothing chosen, Enter does not submit: a refused form would keep the
  // title and move the focus to its error summary, and Escape could not clear the picker.
  await picker.focus();
  await page.keyboard.type("zzqxw plorbtang");
  // Shown in the page (the live region says it too), with the way onwards.
  await expect(page.getByText(/^Aucune fiche publiée ne porte ce titre\. Écrire une nouvelle fiche$/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Écrire une nouvelle fiche" })).toBeVisible();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await expect(picker).toHaveValue("");
  await page.keyboard.type("pictol");
  await pickFirstOption(page, picker, /^Pictolire/);
  await expect(picker).toHaveValue("Pictolire");
  await expect(page.getByRole("status").filter({ hasText: "Fiche choisie : Pictolire." })).toBeAttached();
  await expect(picker).toHaveAttribute("aria-expanded", "false");
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press("Enter");
  await expect(page.getByText("« Pictolire » a été ajoutée au module.")).toBeVisible();
});

test("the report form's « Fiche en double » picks the other fiche from the keyboard and sends its id", async ({ page }) => {
  await signUp(page, newUserData("signaleur"));
  await page.goto("/fiches/dom-assist");
  await page.getByText("Signaler un problème").click();
  await page.getByRole("group", { name: "Quel est le problème ? (obligatoire)" }).getByLabel("Doublon d'une autre fiche").check();
  const box = page.getByRole("combobox", { name: "Fiche en double (facultatif)" });
  await box.focus();
  await page.keyboard.type("pictol");
  await pickFirstOption(page, box, /^Pictolire/);
  await expect(box).toHaveValue("Pictolire");
  await expect(page.locator('input[type="hidden"][name="autreFicheId"]')).toHaveValue(/^\d+$/);
  await page.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Merci, votre signalement a été transmis aux modérateurs." })).toBeVisible();
});

test("the editor's « Ajouter un acteur » adds the acteur chosen from the keyboard, and says when nothing is found or the search fails", async ({ page }) => {
  const user = newUserData("redacteur");
  await signUp(page, user);
  await page.goto("/fiches/nouvelle");
  await page.getByRole("radio", { name: "Pratique observée" }).check();
  await page.getByRole("textbox", { name: "Titre (obligatoire)" }).fill(`Acteurs au clavier ${user.email.slice(10, 18)}`);
  await page.getByRole("button", { name: "Créer la fiche" }).click();
  await expect(page.getByText("Enregistré", { exact: true })).toBeVisible();

  const box = page.getByRole("combobox", { name: "Ajouter un acteur" });
  await box.focus();
  await page.keyboard.type("zzqxw plorbtang");
  await expect(page.getByText(/^Aucun acteur ne porte ce nom\. Présenter un nouvel acteur$/)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Aucun acteur ne porte ce nom." })).toBeAttached();
  await expect(box).toHaveAttribute("aria-expanded", "false");

  await page.keyboard.press("Escape");
  await expect(box).toHaveValue("");
  await page.keyboard.type("inria");
  const first = page.getByRole("listbox", { name: "Acteurs suggérés" }).getByRole("option").first();
  await expect(first).toBeVisible();
  const nom = (await first.textContent())!.replace(/\s*\([^)]*\)\s*$/, "");
  await pickFirstOption(page, box, new RegExp(`^${nom.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  await expect(page.getByLabel(`Rôle de ${nom}`)).toHaveValue("partenaire");
  await expect(box).toHaveValue("");
  await expect(box).toBeFocused();

  await page.route("**/api/acteurs/suggestions?q=**", (route) => route.fulfill({ status: 500, body: "" }));
  await page.keyboard.type("carsat");
  await expect(page.getByText("La recherche d'acteurs a échoué ; réessayez.", { exact: true }).and(page.locator(":not([role=status])"))).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "La recherche d'acteurs a échoué ; réessayez." })).toBeAttached();
  await expect(page.getByRole("listbox", { name: "Acteurs suggérés" }).getByRole("option")).toHaveCount(0);
});

import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { createPublishedPratique, createUserWithCli, expect, expectNoSeriousA11yViolations, newUserData, signInAs, signUp, test, type TestUser } from "./fixtures";

const SENTENCE = "Le garage solidaire ouvre le samedi matin pour tous.";

// Each person in a context of their own, from an address of their own (the server trusts X-Forwarded-For in e2e).
async function newPerson(browser: Browser, prefix: string, role?: "moderateur"): Promise<{ context: BrowserContext; page: Page; user: TestUser }> {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.${1 + Math.floor(Math.random() * 250)}` } });
  const page = await context.newPage();
  const user = newUserData(prefix);
  if (role) {
    createUserWithCli(user, role);
    await signInAs(page, user);
  } else {
    await signUp(page, user);
  }
  return { context, page, user };
}

/** A published pratique whose body holds SENTENCE, by a new author whose editor stays open. */
async function ficheWithSentence(page: Page): Promise<string> {
  const slug = await createPublishedPratique(page, `Garage solidaire ${randomUUID().slice(0, 6)}`);
  await page.getByRole("textbox", { name: "Contenu de la fiche" }).click();
  await page.keyboard.type(SENTENCE);
  await expect(page.getByRole("textbox", { name: "Contenu de la fiche" })).toContainText(SENTENCE);
  await expect(page.getByText("Enregistré", { exact: true })).toBeVisible();
  return slug;
}

/** Selects the first occurrence of `words` in the body, as a mouse drag over them would. */
async function selectInBody(page: Page, words: string): Promise<void> {
  const body = page.getByRole("textbox", { name: "Contenu de la fiche" });
  await expect(body).toContainText(words);
  await body.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return;
    }
  }, words);
}

const passage = (page: Page) => page.getByRole("textbox", { name: "Contenu de la fiche" }).locator("[data-commentaire]");
// A peer's caret inside the passage splits its highlight in two spans: read them together.
const highlighted = (page: Page) => expect.poll(async () => (await passage(page).allTextContents()).join(""));

// Three people, each in a browser context of their own, on a machine the other tests share.
test.describe.configure({ timeout: 150_000 });

test("two people discuss a passage while a third edits the text before it: the highlight stays on the passage", async ({ browser }) => {
  const alice = await newPerson(browser, "alice");
  const bob = await newPerson(browser, "bob");
  const carol = await newPerson(browser, "carol");
  try {
    const slug = await ficheWithSentence(alice.page);
    const a = alice.page;

    // Alice selects « samedi matin » and comments on it from the side list.
    await selectInBody(a, "samedi matin");
    const sideA = a.getByRole("region", { name: "Discussion", exact: true });
    // In the margin: beside the body, not below it.
    const bodyBox = (await a.getByRole("textbox", { name: "Contenu de la fiche" }).boundingBox())!;
    const sideBox = (await sideA.boundingBox())!;
    expect(sideBox.x).toBeGreaterThanOrEqual(bodyBox.x + bodyBox.width);
    expect(sideBox.y).toBeLessThan(bodyBox.y + bodyBox.height);
    await sideA.getByRole("button", { name: "Commenter ce passage" }).click();
    await expect(sideA.getByRole("heading", { name: "Commenter « samedi matin »" })).toBeVisible();
    await sideA.getByLabel("Votre message sur ce passage").fill("Jusqu'à quelle heure exactement ?");
    await sideA.getByRole("button", { name: "Publier le message" }).click();
    await expect(sideA.getByRole("article", { name: `Discussion de ${alice.user.name}` })).toContainText("« samedi matin »");
    await highlighted(a).toBe("samedi matin");
    // The caret in the passage points out its thread in the list.
    await selectInBody(a, "matin");
    await a.keyboard.press("ArrowLeft");
    await expect(sideA.getByRole("article", { name: `Discussion de ${alice.user.name}` })).toHaveAttribute("aria-current", "true");

    // Carol, in the editor at the same time, writes before the passage.
    const c = carol.page;
    await c.goto(`/fiches/${slug}/modifier`);
    await expect(c.getByText("Enregistré", { exact: true })).toBeVisible();
    await selectInBody(c, "Le garage");
    await c.keyboard.press("ArrowLeft");
    await c.keyboard.type("Depuis mars, le lundi aussi. ");
    await expect(a.getByRole("textbox", { name: "Contenu de la fiche" })).toContainText("Depuis mars, le lundi aussi.");
    await highlighted(a).toBe("samedi matin");
    await highlighted(c).toBe("samedi matin");

    // Bob answers on the fiche's page, mentioning Alice through the picker.
    const b = bob.page;
    await b.goto(`/fiches/${slug}`);
    const discussion = b.getByRole("region", { name: "Discussion", exact: true });
    const thread = discussion.getByRole("article", { name: `Discussion de ${alice.user.name}` });
    await expect(thread).toContainText("« samedi matin »");
    await thread.getByText("Répondre", { exact: true }).click();
    await thread.getByLabel("Votre réponse").fill("Jusqu'à midi, demande à ");
    await thread.getByRole("combobox", { name: /Mentionner une personne/ }).fill(alice.user.name.slice(0, 9));
    await thread.getByRole("option", { name: alice.user.name }).click();
    await thread.getByRole("button", { name: "Publier la réponse" }).click();
    await expect(thread.getByRole("list", { name: "Réponses (1)" })).toContainText(`Jusqu'à midi, demande à @${alice.user.name}`);

    // Alice sees the answer beside her editor once she opens it again, and resolves the thread.
    await a.reload();
    const reply = a.getByRole("region", { name: "Discussion", exact: true }).getByRole("article", { name: `Discussion de ${alice.user.name}` });
    await expect(reply).toContainText(`@${alice.user.name}`);
    await highlighted(a).toBe("samedi matin");
    await reply.getByRole("button", { name: "Marquer comme résolu" }).click();
    await expect(reply.getByRole("button", { name: "Rouvrir la discussion" })).toBeVisible();
    // A resolved thread no longer marks the text.
    await expect(passage(a)).toHaveCount(0);
  } finally {
    await Promise.all([alice.context.close(), bob.context.close(), carol.context.close()]);
  }
});

test("a visitor's question waits for a moderator, is published, answered, and the visitor sees the answer", async ({ browser }) => {
  const author = await newPerson(browser, "auteur");
  const moderator = await newPerson(browser, "modo", "moderateur");
  const visitorContext = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": `203.0.113.${1 + Math.floor(Math.random() * 250)}` } });
  try {
    const slug = await ficheWithSentence(author.page);
    const visitor = await visitorContext.newPage();
    await visitor.goto(`/fiches/${slug}`);
    const form = visitor.getByRole("region", { name: "Poser une question sans compte" });
    await expect(form).toContainText("Votre question sera publiée après relecture par un modérateur.");

    await form.getByRole("button", { name: "Envoyer la question" }).click();
    await expect(form.getByText("Votre nom est obligatoire.")).toBeVisible();
    await expect(form.getByText("Votre question est obligatoire.")).toBeVisible();

    const question = `Faut-il prendre rendez-vous ? ${randomUUID().slice(0, 6)}`;
    await form.getByLabel("Votre nom").fill("Nadia");
    await form.getByLabel("Votre adresse électronique (facultatif)").fill("pas-une-adresse");
    await form.getByLabel("Votre question").fill(question);
    await form.getByRole("button", { name: "Envoyer la question" }).click();
    await expect(form.getByText(/Saisissez une adresse électronique valide/)).toBeVisible();
    await form.getByLabel("Votre adresse électronique (facultatif)").fill("nadia@exemple.fr");
    await form.getByRole("button", { name: "Envoyer la question" }).click();
    await expect(form.getByRole("status")).toHaveText("Merci ! Votre question sera publiée après relecture par un modérateur.");
    await visitor.reload();
    await expect(visitor.getByText(question)).toHaveCount(0);

    const m = moderator.page;
    await m.goto("/moderation");
    const queue = m.getByRole("region", { name: /Messages à modérer/ });
    const item = queue.getByRole("listitem").filter({ hasText: question });
    await expect(item).toContainText("Nadia (visiteur, sans compte)");
    await expect(item).not.toContainText("nadia@exemple.fr");
    await expectNoSeriousA11yViolations(m);
    await item.getByRole("button", { name: "Publier la question" }).click();
    await expect(m.getByRole("status").filter({ hasText: "Le message est publié sous la fiche." })).toBeVisible();
    await expect(queue.getByText(question)).toHaveCount(0);

    const a = author.page;
    await a.goto(`/fiches/${slug}`);
    const thread = a.getByRole("article", { name: "Discussion de Nadia" });
    await expect(thread).toContainText(question);
    await thread.getByText("Répondre", { exact: true }).click();
    await thread.getByLabel("Votre réponse").fill("Non, venez directement le samedi. Plus d'infos : https://exemple.fr/garage.");
    await thread.getByRole("button", { name: "Publier la réponse" }).click();
    await expect(thread.getByRole("list", { name: "Réponses (1)" })).toBeVisible();

    await visitor.reload();
    const answered = visitor.getByRole("article", { name: "Discussion de Nadia" });
    await expect(answered).toContainText(question);
    await expect(answered.getByRole("list", { name: "Réponses (1)" })).toContainText("Non, venez directement le samedi.");
    await expect(answered.getByRole("link", { name: "https://exemple.fr/garage" })).toHaveAttribute("rel", "nofollow ugc noopener");
  } finally {
    await Promise.all([author.context.close(), moderator.context.close(), visitorContext.close()]);
  }
});

test("axe finds nothing serious on a fiche with a discussion, for a member and for a visitor", async ({ browser }) => {
  const alice = await newPerson(browser, "axe");
  const visitorContext = await browser.newContext();
  try {
    const slug = await ficheWithSentence(alice.page);
    const a = alice.page;
    await a.goto(`/fiches/${slug}`);
    const discussion = a.getByRole("region", { name: "Discussion", exact: true });
    await discussion.getByLabel("Votre message").fill("Une discussion sur toute la fiche, avec un lien https://exemple.fr.");
    await discussion.getByRole("button", { name: "Publier le message" }).click();
    const thread = discussion.getByRole("article", { name: `Discussion de ${alice.user.name}` });
    await expect(thread).toContainText("Une discussion sur toute la fiche");
    await thread.getByText("Répondre", { exact: true }).click();
    await thread.getByText("Signaler", { exact: true }).click();
    await expectNoSeriousA11yViolations(a);

    await a.goto(`/fiches/${slug}/modifier`);
    await expect(a.getByRole("region", { name: "Discussion", exact: true }).getByRole("article")).toHaveCount(1);
    await expectNoSeriousA11yViolations(a);

    const visitor = await visitorContext.newPage();
    await visitor.goto(`/fiches/${slug}`);
    await expect(visitor.getByRole("article", { name: `Discussion de ${alice.user.name}` })).toBeVisible();
    await expectNoSeriousA11yViolations(visitor);
  } finally {
    await Promise.all([alice.context.close(), visitorContext.close()]);
  }
});

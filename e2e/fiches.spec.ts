import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, newUserData, signUp, test, type TestUser } from "./fixtures";

async function newSignedInPage(context: BrowserContext, prefix: string): Promise<{ page: Page; user: TestUser }> {
  const page = await context.newPage();
  const user = newUserData(prefix);
  await signUp(page, user);
  return { page, user };
}

/** Creates a pratique observée and returns its slug and the fiche id of its collaboration socket. */
async function createPratique(page: Page, titre: string, { lock = false } = {}): Promise<{ slug: string; ficheId: number }> {
  await page.goto("/fiches/nouvelle");
  await page.getByRole("radio", { name: "Pratique observée" }).check();
  await page.getByRole("textbox", { name: "Titre (obligatoire)" }).fill(titre);
  const socket = page.waitForEvent("websocket", (ws) => ws.url().includes("/_collab/"));
  await page.getByRole("button", { name: "Créer la fiche" }).click();
  await expect(page).toHaveURL(/\/fiches\/[^/]+\/modifier$/);
  const ficheId = Number(/\/_collab\/(\d+)/.exec((await socket).url())![1]);
  const slug = /\/fiches\/([^/]+)\/modifier$/.exec(page.url())![1];
  await expect(page.getByText("Enregistré", { exact: true })).toBeVisible();
  if (lock) {
    await page.getByRole("button", { name: "Verrouiller la fiche" }).click();
    await expect(page.getByRole("button", { name: "Déverrouiller la fiche" })).toBeVisible();
  }
  await page.getByRole("button", { name: "Publier la fiche" }).click();
  await expect(page.getByText("La fiche est publiée.")).toBeVisible();
  return { slug, ficheId };
}

test("two contributors co-edit a fiche live: text, caret names and fields", async ({ browser }) => {
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const { page: a, user: alice } = await newSignedInPage(contextA, "alice");
  const { page: b, user: bob } = await newSignedInPage(contextB, "bob");
  const titre = `Atelier démarches ${alice.email.slice(6, 12)}`;
  const { slug } = await createPratique(a, titre);

  await b.goto(`/fiches/${slug}/modifier`);
  await expect(b.getByRole("heading", { level: 1, name: "Modifier la fiche" })).toBeVisible();
  const presenceA = a.getByRole("region", { name: "Sur cette fiche en ce moment" });
  await expect(presenceA.getByText(bob.name)).toBeVisible();

  const bodyA = a.getByRole("textbox", { name: "Contenu de la fiche" });
  const bodyB = b.getByRole("textbox", { name: "Contenu de la fiche" });
  await bodyA.click();
  await a.keyboard.type("Accueil sans rendez-vous le mardi. ");
  await expect(bodyB).toContainText("Accueil sans rendez-vous le mardi.");
  await bodyB.click();
  await b.keyboard.press("Control+End");
  await b.keyboard.type("Avec les bénévoles du quartier.");
  await expect(bodyA).toContainText("Avec les bénévoles du quartier.");
  await expect(a.locator(".collaboration-carets__label", { hasText: bob.name })).toBeVisible();
  await expect(b.locator(".collaboration-carets__label", { hasText: alice.name })).toBeVisible();

  await a.getByRole("textbox", { name: "Commune" }).fill("Bordeaux");
  await expect(b.getByRole("textbox", { name: "Commune" })).toHaveValue("Bordeaux");
  await b.getByRole("group", { name: "Thèmes" }).getByRole("checkbox", { name: "Service public" }).check();
  await expect(a.getByRole("group", { name: "Thèmes" }).getByRole("checkbox", { name: "Service public" })).toBeChecked();
  await expect(a.getByText("Enregistré", { exact: true })).toBeVisible();
  await expect(b.getByText("Enregistré", { exact: true })).toBeVisible();

  // The server-rendered page catches up with the projection within seconds.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await expect(async () => {
    await visitor.goto(`/fiches/${slug}`);
    await expect(visitor.getByText("Avec les bénévoles du quartier.")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(visitor.getByRole("heading", { level: 1, name: titre })).toBeVisible();
  await expect(visitor.getByText("Bordeaux").first()).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Modifier la fiche", exact: true })).toHaveCount(0);
  await visitor.goto(`/fiches/${slug}/modifier`);
  await expect(visitor).toHaveURL(/\/connexion\?retour=/);

  await Promise.all([contextA.close(), contextB.close(), visitorContext.close()]);
});

function syncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Opens a raw y-websocket connection with the given cookies and syncs `doc` from the server. */
async function rawSync(baseURL: string, ficheId: number, cookie: string, doc: Y.Doc): Promise<WebSocket> {
  const url = `${baseURL.replace(/^http/, "ws")}/_collab/${ficheId}`;
  const socket = new WebSocket(url, { headers: { Cookie: cookie, Origin: baseURL } });
  socket.binaryType = "nodebuffer";
  const synced = new Promise<void>((resolve, reject) => {
    socket.on("error", reject);
    socket.on("message", (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== 0) return;
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, 0);
      const type = syncProtocol.readSyncMessage(decoder, reply, doc, "server");
      if (type === syncProtocol.messageYjsSyncStep2) resolve();
    });
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  socket.send(syncStep1(doc));
  await synced;
  return socket;
}

test("a raw WebSocket client with a reader's session cannot change the fiche", async ({ browser, baseURL }) => {
  const contextA = await browser.newContext();
  const contextR = await browser.newContext();
  const { page: a } = await newSignedInPage(contextA, "porteur");
  const titre = `Fiche verrouillée ${Date.now()}`;
  const { slug, ficheId } = await createPratique(a, titre, { lock: true });
  const { page: reader } = await newSignedInPage(contextR, "lecteur");
  await reader.goto(`/fiches/${slug}/modifier`);
  await expect(reader.getByRole("heading", { level: 1, name: "Fiche en lecture seule" })).toBeVisible();

  const cookie = (await contextR.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const doc = new Y.Doc();
  const socket = await rawSync(baseURL!, ficheId, cookie, doc);
  expect(doc.getText("titre").toString()).toBe(titre);
  const before = Y.encodeStateVector(doc);
  doc.getText("titre").insert(0, "PIRATÉ ");
  socket.send(updateMessage(Y.encodeStateAsUpdate(doc, before)));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  socket.close();

  const check = new Y.Doc();
  const second = await rawSync(baseURL!, ficheId, cookie, check);
  second.close();
  expect(check.getText("titre").toString()).toBe(titre);
  await reader.goto(`/fiches/${slug}`);
  await expect(reader.getByRole("heading", { level: 1, name: titre })).toBeVisible();
  await Promise.all([contextA.close(), contextR.close()]);
});

import type { Page } from "@playwright/test";
import { createPublishedPratique, expect, newUserData, signUp, test } from "./fixtures";

/**
 * Resolves once the device has written everything the editor queued: IndexedDB runs a read of the
 * fiche's copy only after the writes to it that were started before.
 */
function deviceCopyWritten(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const name = (await indexedDB.databases()).map((db) => db.name).find((n) => n?.startsWith("fiche-"));
    if (!name) throw new Error("no copy of the fiche on the device");
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const read = db.transaction(["updates", "custom"], "readonly");
      read.objectStore("updates").count();
      read.oncomplete = () => resolve();
      read.onerror = () => reject(read.error);
    });
    db.close();
  });
}

/** Whether the service worker keeps this page for offline use. */
function pageIsKept(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("wiki-kept-") && (await (await caches.open(name)).match(location.pathname))) return true;
    }
    return false;
  });
}

test("a fiche kept on the device is edited offline, reloaded offline with its edits, then sent to the other editor on reconnection", async ({ browser }) => {
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  try {
    const a = await contextA.newPage();
    const b = await contextB.newPage();
    const alice = newUserData("alice-locale");
    const bob = newUserData("bob-locale");
    await signUp(a, alice);
    await signUp(b, bob);
    const slug = await createPublishedPratique(a, `Atelier sans réseau ${alice.email.slice(12, 18)}`);
    // Once the service worker controls the page, it can keep it.
    await a.evaluate(() => navigator.serviceWorker.ready);
    await a.reload();
    await expect(a.getByText("Enregistré", { exact: true })).toBeVisible();
    await a.getByRole("checkbox", { name: "Garder cette fiche sur cet appareil" }).check();
    await expect.poll(() => pageIsKept(a)).toBe(true);

    await b.goto(`/fiches/${slug}/modifier`);
    await expect(b.getByText("Enregistré", { exact: true })).toBeVisible();

    await contextA.setOffline(true);
    const body = a.getByRole("textbox", { name: "Contenu de la fiche" });
    await body.click();
    await a.keyboard.type("Noté dans le bus, sans réseau.");
    await expect(a.getByText(/^Hors ligne : vos modifications sont gardées sur cet appareil/)).toBeVisible();
    await expect(a.getByText("(30 modifications en attente d'envoi)")).toBeVisible();
    await deviceCopyWritten(a);

    // The page comes from the worker and the text from the device: nothing reached the server.
    await a.reload();
    await expect(a.getByRole("textbox", { name: "Contenu de la fiche" })).toContainText("Noté dans le bus, sans réseau.");
    await expect(a.getByText("(30 modifications en attente d'envoi)")).toBeVisible();
    await expect(b.getByRole("textbox", { name: "Contenu de la fiche" })).not.toContainText("Noté dans le bus");

    await contextA.setOffline(false);
    await expect(a.getByText(/^Envoyées/)).toBeVisible();
    await expect(b.getByRole("textbox", { name: "Contenu de la fiche" })).toContainText("Noté dans le bus, sans réseau.");
  } finally {
    await contextA.close();
    await contextB.close();
  }
});

import type { BrowserContext, Page } from "@playwright/test";
import { createPublishedPratique, expect, newUserData, signUp, test } from "./fixtures";

/**
 * Stands for a proxy that blocks WebSocket upgrades to the collaboration server: the page's
 * sockets to /_collab fail before opening, as the browser reports a refused upgrade (error, then
 * close 1006). Other sockets are left alone.
 */
function blockCollabSockets(): void {
  const Native = window.WebSocket;
  class BlockedWebSocket extends EventTarget {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readonly CONNECTING = 0;
    readonly OPEN = 1;
    readonly CLOSING = 2;
    readonly CLOSED = 3;
    readyState = 0;
    binaryType = "blob";
    onopen: ((event: Event) => void) | null = null;
    onmessage: ((event: MessageEvent) => void) | null = null;
    onerror: ((event: Event) => void) | null = null;
    onclose: ((event: CloseEvent) => void) | null = null;
    constructor(readonly url: string) {
      super();
      setTimeout(() => {
        this.readyState = 3;
        const error = new Event("error");
        this.onerror?.(error);
        this.dispatchEvent(error);
        const close = new CloseEvent("close", { code: 1006, wasClean: false });
        this.onclose?.(close);
        this.dispatchEvent(close);
      }, 20);
    }
    send(): void {
      throw new DOMException("Still in CONNECTING state.", "InvalidStateError");
    }
    close(): void {
      this.readyState = 3;
    }
  }
  window.WebSocket = function (url: string | URL, protocols?: string | string[]) {
    return String(url).includes("/_collab") ? new BlockedWebSocket(String(url)) : new Native(url, protocols);
  } as unknown as typeof WebSocket;
}

async function blockedContext(browser: { newContext(): Promise<BrowserContext> }): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript(blockCollabSockets);
  return context;
}

/** Counts the requests of a page to the HTTP fallback's sessions. */
function countFallbackRequests(page: Page): { count: number } {
  const seen = { count: 0 };
  page.on("request", (request) => {
    if (request.url().includes("/_collab/session/")) seen.count += 1;
  });
  return seen;
}

test("where WebSockets are blocked, two editors still co-edit, with presence, through the HTTP fallback", async ({ browser }) => {
  const contextA = await blockedContext(browser);
  const contextB = await blockedContext(browser);
  try {
    const a = await contextA.newPage();
    const b = await contextB.newPage();
    const alice = newUserData("alice-http");
    const bob = newUserData("bob-http");
    await signUp(a, alice);
    await signUp(b, bob);
    const fallbackA = countFallbackRequests(a);
    const slug = await createPublishedPratique(a, `Atelier derrière un proxy ${alice.email.slice(10, 16)}`);
    expect(fallbackA.count).toBeGreaterThan(0);

    await b.goto(`/fiches/${slug}/modifier`);
    await expect(b.getByText("Enregistré", { exact: true })).toBeVisible();
    await expect(a.getByRole("region", { name: "Sur cette fiche en ce moment" }).getByText(bob.name)).toBeVisible();

    await a.getByRole("textbox", { name: "Contenu de la fiche" }).click();
    await a.keyboard.type("Écrit par Alice.");
    await expect(b.getByRole("textbox", { name: "Contenu de la fiche" })).toContainText("Écrit par Alice.");
    await b.getByRole("textbox", { name: "Contenu de la fiche" }).click();
    await b.keyboard.type("Complété par Bob.");
    await expect(a.getByRole("textbox", { name: "Contenu de la fiche" })).toContainText("Complété par Bob.");
    await expect(a.getByText(/^(Enregistré|Envoyées)/)).toBeVisible();
    await expect(b.getByText(/^(Enregistré|Envoyées)/)).toBeVisible();

    // What was typed is stored, not only relayed: a reader sees it once the fiche is projected.
    const reader = await browser.newPage();
    await expect(async () => {
      await reader.goto(`/fiches/${slug}`);
      await expect(reader.getByText(/Écrit par Alice\./)).toBeVisible({ timeout: 1000 });
      await expect(reader.getByText(/Complété par Bob\./)).toBeVisible({ timeout: 1000 });
    }).toPass();
    await reader.close();
  } finally {
    await contextA.close();
    await contextB.close();
  }
});

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/sw.js/route";
import { runServiceWorker, type WorkerScope } from "./service-worker";
import { chooseStrategy, isStorablePage, SESSION_HEADER } from "./sw-policy";

const origin = "https://wiki.exemple.fr";

/** An in-memory Cache Storage, enough for the worker: keyed by URL, in insertion order. */
function memoryCaches() {
  const stores = new Map<string, Map<string, Response>>();
  const keyOf = (request: RequestInfo | URL) => new URL(request instanceof Request ? request.url : String(request), origin).href;
  const open = async (name: string) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const store = stores.get(name)!;
    return {
      put: async (request: RequestInfo, response: Response) => {
        store.delete(keyOf(request));
        store.set(keyOf(request), response);
      },
      add: async (request: RequestInfo) => {
        store.set(keyOf(request), await fetch(keyOf(request)));
      },
      match: async (request: RequestInfo) => store.get(keyOf(request))?.clone(),
      keys: async () => [...store.keys()].map((url) => new Request(url)),
      delete: async (request: RequestInfo) => store.delete(keyOf(request)),
    };
  };
  return {
    stores,
    open,
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
    match: async (request: RequestInfo, options: { cacheName: string }) => stores.get(options.cacheName)?.get(keyOf(request))?.clone(),
  };
}

type Listener = (event: never) => void;

function startWorker(version = "build-2") {
  const listeners = new Map<string, Listener>();
  const scope = {
    location: { origin },
    skipWaiting: async () => undefined,
    clients: { claim: async () => undefined },
    registration: { navigationPreload: { enable: async () => (preloadEnabled = true) } },
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
  } as unknown as WorkerScope;
  // A Request's mode cannot be set to "navigate" by its constructor: stand for the browser's own.
  const policy = {
    chooseStrategy: (url: string, method: string, _mode: string, o: string) =>
      chooseStrategy(url, method, new URL(url).pathname.startsWith("/_next/") ? "no-cors" : "navigate", o),
    isStorablePage,
  };
  runServiceWorker(scope, policy, { version, offlineUrl: "/hors-ligne", sessionHeader: SESSION_HEADER, maxPages: 2 });
  const dispatch = async (type: string, extra: Record<string, unknown> = {}) => {
    const waits: Promise<unknown>[] = [];
    let answer: Promise<Response> | undefined;
    const event = { ...extra, waitUntil: (p: Promise<unknown>) => waits.push(p), respondWith: (r: Promise<Response>) => (answer = r) };
    listeners.get(type)!(event as never);
    const response = answer ? await answer : undefined;
    await Promise.all(waits);
    return response;
  };
  const navigate = (path: string) => dispatch("fetch", { request: new Request(`${origin}${path}`, { mode: "same-origin" }) });
  return { dispatch, navigate };
}

let online = true;
let preloadEnabled = false;
let signedIn = false;
let storage: ReturnType<typeof memoryCaches>;

beforeEach(() => {
  online = true;
  preloadEnabled = false;
  signedIn = false;
  storage = memoryCaches();
  vi.stubGlobal("caches", storage);
  vi.stubGlobal("fetch", async (input: RequestInfo | URL) => {
    if (!online) throw new TypeError("Failed to fetch");
    const url = new URL(input instanceof Request ? input.url : String(input), origin);
    const html = url.pathname === "/hors-ligne" ? `<link href="/_next/static/css/app.css">Vous êtes hors ligne` : `<h1>${url.pathname}</h1>`;
    const response = new Response(html, { headers: signedIn ? { [SESSION_HEADER]: "1" } : {} });
    // A Response built here has type "default"; the browser's own fetches answer "basic".
    Object.defineProperty(response, "type", { value: "basic" });
    return response;
  });
});

afterEach(() => vi.unstubAllGlobals());

describe("runServiceWorker", () => {
  it("reads a visited fiche offline, and answers the offline page for the rest", async () => {
    const worker = startWorker();
    await worker.dispatch("install");
    await worker.navigate("/fiches/atelier");
    online = false;
    expect(await (await worker.navigate("/fiches/atelier"))!.text()).toBe("<h1>/fiches/atelier</h1>");
    expect(await (await worker.navigate("/fiches/autre"))!.text()).toContain("Vous êtes hors ligne");
    expect(await (await worker.navigate("/acteurs"))!.text()).toContain("Vous êtes hors ligne");
  });

  it("keeps the offline page's own files", async () => {
    await startWorker().dispatch("install");
    expect([...storage.stores.get("wiki-static-build-2")!.keys()]).toEqual([`${origin}/_next/static/css/app.css`]);
  });

  it("never keeps a page rendered for a signed-in person", async () => {
    const worker = startWorker();
    await worker.dispatch("install");
    signedIn = true;
    await worker.navigate("/fiches/atelier");
    online = false;
    expect(await (await worker.navigate("/fiches/atelier"))!.text()).toContain("Vous êtes hors ligne");
  });

  it("keeps a fiche's editor for offline use only when the person asks, and follows it while online", async () => {
    const worker = startWorker();
    await worker.dispatch("install");
    signedIn = true;
    await worker.navigate("/fiches/atelier/modifier");
    online = false;
    expect(await (await worker.navigate("/fiches/atelier/modifier"))!.text()).toContain("Vous êtes hors ligne");

    online = true;
    const answered: unknown[] = [];
    const port = { postMessage: (message: unknown) => answered.push(message) };
    await worker.dispatch("message", { data: { type: "keep-page", path: "/fiches/atelier/modifier", keep: true }, ports: [port] });
    await worker.dispatch("message", { data: { type: "keep-page", path: "/acteurs", keep: true }, ports: [port] });
    expect(answered).toEqual(["kept"]);
    expect([...storage.stores.get("wiki-kept-build-2")!.keys()]).toEqual([`${origin}/fiches/atelier/modifier`]);
    online = false;
    expect(await (await worker.navigate("/fiches/atelier/modifier"))!.text()).toBe("<h1>/fiches/atelier/modifier</h1>");

    online = true;
    await worker.dispatch("message", { data: { type: "keep-page", path: "/fiches/atelier/modifier", keep: false }, ports: [port] });
    online = false;
    expect(await (await worker.navigate("/fiches/atelier/modifier"))!.text()).toContain("Vous êtes hors ligne");
  });

  it("keeps the most recently read fiches, up to its limit", async () => {
    const worker = startWorker();
    for (const slug of ["a", "b", "a", "c"]) await worker.navigate(`/fiches/${slug}`);
    expect([...storage.stores.get("wiki-pages-build-2")!.keys()]).toEqual([`${origin}/fiches/a`, `${origin}/fiches/c`]);
  });

  it("answers with the navigation's preloaded response when there is one, and keeps it", async () => {
    const worker = startWorker();
    await worker.dispatch("activate");
    expect(preloadEnabled).toBe(true);
    const preloaded = new Response("<h1>préchargée</h1>");
    Object.defineProperty(preloaded, "type", { value: "basic" });
    online = false;
    const request = new Request(`${origin}/fiches/atelier`);
    expect(await (await worker.dispatch("fetch", { request, preloadResponse: Promise.resolve(preloaded) }))!.text()).toBe("<h1>préchargée</h1>");
    expect(await (await worker.navigate("/fiches/atelier"))!.text()).toBe("<h1>préchargée</h1>");
  });

  it("leaves the API alone", async () => {
    expect(await startWorker().navigate("/api/sante")).toBeUndefined();
  });

  it("drops the previous build's caches on activation, and every cache when asked", async () => {
    await startWorker("build-1").navigate("/fiches/atelier");
    const worker = startWorker("build-2");
    await worker.dispatch("install");
    await worker.dispatch("activate");
    expect((await storage.keys()).sort()).toEqual(["wiki-shell-build-2", "wiki-static-build-2"]);
    const channel = new MessageChannel();
    const answered = new Promise((resolve) => (channel.port2.onmessage = (message) => resolve(message.data)));
    await worker.dispatch("message", { data: { type: "clear-caches" }, ports: [channel.port1] });
    expect(await answered).toBe("cleared");
    channel.port2.close();
    expect(await storage.keys()).toEqual([]);
  });
});

describe("GET /sw.js", () => {
  it("serves a script that parses, with the worker and its policy inlined", async () => {
    const response = await GET();
    const source = await response.text();
    expect(response.headers.get("content-type")).toContain("javascript");
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain("wiki-pages-");
  });
});

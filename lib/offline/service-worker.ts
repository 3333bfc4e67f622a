import type { Strategy } from "./sw-policy";

// The DOM types this project compiles against lack the worker's events: only what is used here.
type ExtendableEvent = Event & { waitUntil(promise: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & {
  request: Request;
  preloadResponse?: Promise<Response | undefined>;
  respondWith(response: Promise<Response>): void;
};
type MessageEventLike = ExtendableEvent & { data: unknown; ports: readonly MessagePort[] };

export interface WorkerScope {
  location: { origin: string };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  registration: { navigationPreload?: { enable(): Promise<void> } };
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
  addEventListener(type: "message", listener: (event: MessageEventLike) => void): void;
}

export interface WorkerPolicy {
  chooseStrategy(url: string, method: string, mode: string, origin: string): Strategy;
  isStorablePage(status: number, type: string, sessionHeader: string | null): boolean;
}

export interface WorkerSettings {
  version: string;
  offlineUrl: string;
  sessionHeader: string;
  maxPages: number;
}

/**
 * The service worker itself. app/sw.js/route.ts sends its source text to the browser, so it must
 * stay self-contained: everything it uses arrives through its parameters or is a worker global.
 */
export function runServiceWorker(scope: WorkerScope, policy: WorkerPolicy, settings: WorkerSettings): void {
  const shellCache = `wiki-shell-${settings.version}`;
  const staticCache = `wiki-static-${settings.version}`;
  const pagesCache = `wiki-pages-${settings.version}`;
  // Editor pages the person chose to keep on this device: signed in, so only at their request, and
  // never on a shared computer (the page removes the worker there); sign-out deletes every cache.
  const keptCache = `wiki-kept-${settings.version}`;
  const currentCaches = [shellCache, staticCache, pagesCache, keptCache];

  async function precacheShell(): Promise<void> {
    // Without credentials: the offline page is shown to whoever is offline, so it must name nobody.
    const response = await fetch(settings.offlineUrl, { credentials: "omit", cache: "no-store" });
    if (!response.ok) throw new Error(`Offline page: HTTP ${response.status}`);
    const html = await response.clone().text();
    await (await caches.open(shellCache)).put(settings.offlineUrl, response);
    const assets = new Set(html.match(/\/_next\/static\/[^"'\s<>)\\]+/g) ?? []);
    const statics = await caches.open(staticCache);
    // One by one: a stray match in the page's text must not stop the worker from installing.
    await Promise.all([...assets].map((asset) => statics.add(asset).catch(() => undefined)));
  }

  async function deleteCaches(keep: string[]): Promise<void> {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => !keep.includes(name)).map((name) => caches.delete(name)));
  }

  async function storePage(key: string, response: Response): Promise<void> {
    const cache = await caches.open(pagesCache);
    await cache.put(key, response);
    // Oldest first: put() moves a page read again to the end.
    const keys = await cache.keys();
    await Promise.all(keys.slice(0, Math.max(0, keys.length - settings.maxPages)).map((request) => cache.delete(request)));
  }

  async function cacheFirst(event: FetchEvent): Promise<Response> {
    const cached = await caches.match(event.request, { cacheName: staticCache });
    if (cached) return cached;
    const response = await fetch(event.request);
    if (response.ok && response.type === "basic") {
      const copy = response.clone();
      event.waitUntil(caches.open(staticCache).then((cache) => cache.put(event.request, copy)));
    }
    return response;
  }

  async function networkFirst(event: FetchEvent, keepForOffline: boolean): Promise<Response> {
    const key = new URL(event.request.url).pathname;
    try {
      const response = (await event.preloadResponse) ?? (await fetch(event.request));
      if (keepForOffline && policy.isStorablePage(response.status, response.type, response.headers.get(settings.sessionHeader))) {
        event.waitUntil(storePage(key, response.clone()));
      }
      return response;
    } catch {
      const page = keepForOffline ? await caches.match(key, { cacheName: pagesCache }) : undefined;
      return page ?? (await caches.match(settings.offlineUrl, { cacheName: shellCache })) ?? Response.error();
    }
  }

  async function keptFirstOffline(event: FetchEvent): Promise<Response> {
    const key = new URL(event.request.url).pathname;
    const kept = await caches.open(keptCache);
    try {
      const response = (await event.preloadResponse) ?? (await fetch(event.request));
      // A kept page follows the fiche: the latest one read online is the one shown offline.
      if (response.status === 200 && (await kept.match(key))) event.waitUntil(kept.put(key, response.clone()));
      return response;
    } catch {
      return (await kept.match(key)) ?? (await caches.match(settings.offlineUrl, { cacheName: shellCache })) ?? Response.error();
    }
  }

  async function keepPage(path: string, keep: boolean): Promise<void> {
    const kept = await caches.open(keptCache);
    if (!keep) {
      await kept.delete(path);
      return;
    }
    const response = await fetch(path, { credentials: "same-origin", cache: "no-store" });
    if (response.status === 200) await kept.put(path, response);
  }

  scope.addEventListener("install", (event) => {
    event.waitUntil(precacheShell().then(() => scope.skipWaiting()));
  });

  scope.addEventListener("activate", (event) => {
    // Navigation preload: the page's request leaves while the worker starts, rather than after.
    const preload = scope.registration.navigationPreload?.enable() ?? Promise.resolve();
    event.waitUntil(Promise.all([preload, deleteCaches(currentCaches)]).then(() => scope.clients.claim()));
  });

  scope.addEventListener("fetch", (event) => {
    const { request } = event;
    const strategy = policy.chooseStrategy(request.url, request.method, request.mode, scope.location.origin);
    if (strategy === "static") event.respondWith(cacheFirst(event));
    else if (strategy === "editor") event.respondWith(keptFirstOffline(event));
    else if (strategy !== "network") event.respondWith(networkFirst(event, strategy === "fiche"));
    // A navigation left to the browser has started its preload too: let it settle rather than be cancelled.
    else if (event.preloadResponse) event.waitUntil(event.preloadResponse);
  });

  // Sign-out asks for this (lib/offline/local-data.ts), and waits for the answer on the given port.
  // The editor asks for "keep-page" when the person keeps a fiche on the device, and answers on the port.
  scope.addEventListener("message", (event) => {
    const data = event.data as { type?: unknown; path?: unknown; keep?: unknown } | null;
    if (data?.type === "clear-caches") {
      event.waitUntil(deleteCaches([]).then(() => event.ports[0]?.postMessage("cleared")));
    } else if (data?.type === "keep-page" && typeof data.path === "string" && policy.chooseStrategy(new URL(data.path, scope.location.origin).href, "GET", "navigate", scope.location.origin) === "editor") {
      const done = () => event.ports[0]?.postMessage("kept");
      event.waitUntil(keepPage(data.path, data.keep === true).then(done, done));
    }
  });
}

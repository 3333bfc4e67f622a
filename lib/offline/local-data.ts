/**
 * What this browser keeps of the wiki, and how to forget it: the editor's offline copies in
 * IndexedDB, the service worker's caches, and whether this is a shared computer. Browser only.
 */

/** "1" when the person signed in with « Ordinateur partagé »: the editor then keeps nothing in IndexedDB. */
export const SHARED_DEVICE_KEY = "wiki:appareil-partage";
/** The editor records here, as a JSON array, the IndexedDB databases (`fiche-<id>`) it creates. */
export const LOCAL_DOCUMENTS_KEY = "wiki:documents-locaux";
/** The fiches the person chose to keep on this device (lib/collab/local-copy.ts): theirs, not the next person's. */
export const KEPT_FICHES_KEY = "wiki:fiches-gardees";

export function isSharedDevice(): boolean {
  try {
    return localStorage.getItem(SHARED_DEVICE_KEY) === "1";
  } catch {
    // Storage refused (privacy settings): nothing can be kept either, so behave as on a shared computer.
    return true;
  }
}

export function setSharedDevice(shared: boolean): void {
  try {
    if (shared) localStorage.setItem(SHARED_DEVICE_KEY, "1");
    else localStorage.removeItem(SHARED_DEVICE_KEY);
  } catch {
    // Storage refused: isSharedDevice() already answers true, and the editor cannot keep anything.
  }
}

/** The database names the editor recorded; anything but an array of strings counts as none. */
export function parseLocalDocumentNames(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const names: unknown = JSON.parse(raw);
    return Array.isArray(names) ? names.filter((name): name is string => typeof name === "string") : [];
  } catch {
    return [];
  }
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    // An editor tab holding the database open closes it on "versionchange" (lib0 does), then this succeeds.
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`IndexedDB ${name}`));
  });
}

async function deleteDatabases(): Promise<void> {
  if (typeof indexedDB === "undefined") return;
  const names = new Set(parseLocalDocumentNames(localStorage.getItem(LOCAL_DOCUMENTS_KEY)));
  // Firefox before 126 has no databases(): the editor's own list is all there is to go on.
  if (typeof indexedDB.databases === "function") {
    for (const database of await indexedDB.databases()) if (database.name) names.add(database.name);
  }
  await Promise.all([...names].map(deleteDatabase));
  localStorage.removeItem(LOCAL_DOCUMENTS_KEY);
  localStorage.removeItem(KEPT_FICHES_KEY);
}

async function deleteCaches(): Promise<void> {
  if (typeof caches === "undefined") return;
  await Promise.all((await caches.keys()).map((name) => caches.delete(name)));
}

const WORKER_ANSWER_MS = 3000;

/** Asks the active worker to drop its caches too, so that a fetch it is answering does not write one back. */
async function clearWorkerCaches(): Promise<void> {
  const worker = typeof navigator !== "undefined" && "serviceWorker" in navigator ? navigator.serviceWorker.controller : null;
  if (!worker) return;
  const channel = new MessageChannel();
  const cleared = new Promise<void>((resolve) => (channel.port1.onmessage = () => resolve()));
  worker.postMessage({ type: "clear-caches" }, [channel.port2]);
  // The caches are already deleted from the page: a worker that does not answer must not hold up a sign-out.
  await Promise.race([cleared, new Promise((resolve) => setTimeout(resolve, WORKER_ANSWER_MS))]);
  channel.port1.close();
}

/**
 * Deletes every IndexedDB database of this site, every Cache Storage cache, and the worker's caches.
 * Rejects if any of them could not be deleted, once all have been tried.
 */
export async function clearLocalData(): Promise<void> {
  const results = await Promise.allSettled([deleteDatabases(), deleteCaches(), clearWorkerCaches()]);
  const failure = results.find((result) => result.status === "rejected");
  if (failure) throw failure.reason;
}

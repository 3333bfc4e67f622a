import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearLocalData, isSharedDevice, KEPT_FICHES_KEY, LOCAL_DOCUMENTS_KEY, parseLocalDocumentNames, setSharedDevice, SHARED_DEVICE_KEY } from "./local-data";

let storage: Map<string, string>;
let databases: Set<string>;
let cacheNames: Set<string>;
let failing: string | null;

function stubBrowser({ withDatabasesList }: { withDatabasesList: boolean }) {
  vi.stubGlobal("localStorage", {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => storage.set(key, value),
    removeItem: (key: string) => storage.delete(key),
  });
  vi.stubGlobal("indexedDB", {
    databases: withDatabasesList ? async () => [...databases].map((name) => ({ name, version: 1 })) : undefined,
    deleteDatabase: (name: string) => {
      const request: { onsuccess?: () => void; onerror?: () => void; error: Error | null } = { error: null };
      queueMicrotask(() => {
        if (name === failing) {
          request.error = new Error(`${name} refused`);
          request.onerror?.();
        } else {
          databases.delete(name);
          request.onsuccess?.();
        }
      });
      return request;
    },
  });
  vi.stubGlobal("caches", { keys: async () => [...cacheNames], delete: async (name: string) => cacheNames.delete(name) });
}

beforeEach(() => {
  storage = new Map();
  databases = new Set(["fiche-1", "autre-base"]);
  cacheNames = new Set(["wiki-pages-abc", "wiki-static-abc"]);
  failing = null;
});

afterEach(() => vi.unstubAllGlobals());

describe("shared device flag", () => {
  it("is remembered as « 1 » and removed otherwise", () => {
    stubBrowser({ withDatabasesList: true });
    expect(isSharedDevice()).toBe(false);
    setSharedDevice(true);
    expect(storage.get(SHARED_DEVICE_KEY)).toBe("1");
    expect(isSharedDevice()).toBe(true);
    setSharedDevice(false);
    expect(storage.has(SHARED_DEVICE_KEY)).toBe(false);
  });
});

describe("parseLocalDocumentNames", () => {
  it("keeps the strings of a JSON array and nothing else", () => {
    expect(parseLocalDocumentNames('["fiche-1", 2, "fiche-3"]')).toEqual(["fiche-1", "fiche-3"]);
    expect(parseLocalDocumentNames('{"fiche-1": true}')).toEqual([]);
    expect(parseLocalDocumentNames("pas du JSON")).toEqual([]);
    expect(parseLocalDocumentNames(null)).toEqual([]);
  });
});

describe("clearLocalData", () => {
  it("deletes every database, listed or recorded by the editor, and every cache", async () => {
    stubBrowser({ withDatabasesList: true });
    databases.add("fiche-2");
    storage.set(LOCAL_DOCUMENTS_KEY, '["fiche-2"]');
    storage.set(KEPT_FICHES_KEY, '["fiche-2"]');
    storage.set(SHARED_DEVICE_KEY, "1");
    await clearLocalData();
    expect(databases.size).toBe(0);
    expect(cacheNames.size).toBe(0);
    expect(storage.has(LOCAL_DOCUMENTS_KEY)).toBe(false);
    expect(storage.has(KEPT_FICHES_KEY)).toBe(false);
    expect(storage.get(SHARED_DEVICE_KEY)).toBe("1");
  });

  it("falls back on the editor's list where indexedDB.databases() does not exist", async () => {
    stubBrowser({ withDatabasesList: false });
    storage.set(LOCAL_DOCUMENTS_KEY, '["fiche-1"]');
    await clearLocalData();
    expect([...databases]).toEqual(["autre-base"]);
  });

  it("rejects when a database could not be deleted, after deleting the rest", async () => {
    stubBrowser({ withDatabasesList: true });
    failing = "autre-base";
    await expect(clearLocalData()).rejects.toThrow("autre-base refused");
    expect([...databases]).toEqual(["autre-base"]);
    expect(cacheNames.size).toBe(0);
  });
});

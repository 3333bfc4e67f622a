import { clearDocument, IndexeddbPersistence } from "y-indexeddb";
import type * as Y from "yjs";

/**
 * A fiche's document kept on this device (IndexedDB, through y-indexeddb): while the person asked
 * for it (« Garder cette fiche sur cet appareil »), and always while edits wait to be sent, so that
 * they survive a reload or a closed browser and merge when the connection returns. Never on a
 * computer declared shared at sign-in. Browser-only; the keys below are shared with
 * lib/offline/local-data.ts, which clears everything at sign-out.
 */

/** Set to "1" at sign-in on a shared computer: nothing is kept on the device then. */
export const SHARED_DEVICE_KEY = "wiki:appareil-partage";
/** JSON array of the IndexedDB database names written, so that they can be cleared where `indexedDB.databases()` is missing. */
export const LOCAL_DOCUMENTS_KEY = "wiki:documents-locaux";
/** JSON array of the ids of the fiches the person chose to keep on this device. */
const KEPT_FICHES_KEY = "wiki:fiches-gardees";
/** Key of the count of waiting changes in the copy's own store. */
const PENDING_KEY = "modifications-en-attente";

export function localCopyName(ficheId: number): string {
  return `fiche-${ficheId}`;
}

function readIds(key: string): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? "[]");
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}

function writeIds(key: string, ids: readonly string[]): void {
  if (ids.length === 0) localStorage.removeItem(key);
  else localStorage.setItem(key, JSON.stringify([...new Set(ids)]));
}

/** Whether this device may keep documents: not a shared computer, and a browser with IndexedDB. */
export function canKeepLocally(): boolean {
  return typeof indexedDB !== "undefined" && typeof localStorage !== "undefined" && localStorage.getItem(SHARED_DEVICE_KEY) !== "1";
}

/** How long everything must stay stored before the copy goes: typing on resumes at once, and reopening a copy being deleted would fail. */
const DROP_DELAY_MS = 5000;

export class LocalCopy {
  private persistence: IndexeddbPersistence | null = null;
  private readonly name: string;
  private dropTimer: ReturnType<typeof setTimeout> | null = null;
  /** A deletion in progress: the copy is reopened only after it, since IndexedDB closes the connections to a database it deletes. */
  private dropping: Promise<void> | null = null;
  private reopenAfterDrop = false;

  constructor(
    ficheId: number,
    private readonly doc: Y.Doc,
  ) {
    this.name = localCopyName(ficheId);
  }

  /** Whether the person chose to keep this fiche on this device. */
  get kept(): boolean {
    return canKeepLocally() && readIds(KEPT_FICHES_KEY).includes(this.name);
  }

  /** Whether a copy is being written now (or will be, once a deletion in progress ends). */
  get active(): boolean {
    return this.persistence !== null || this.reopenAfterDrop;
  }

  /** Whether a document update comes from loading this copy. */
  isOrigin(origin: unknown): boolean {
    return origin !== null && origin === this.persistence;
  }

  /**
   * Loads the copy kept on this device, if any, into the document (its edits merge with the page's
   * state), and keeps writing it. Resolves with the number of changes it says were waiting, or null
   * when there was no copy.
   */
  async restore(): Promise<number | null> {
    if (!canKeepLocally() || !readIds(LOCAL_DOCUMENTS_KEY).includes(this.name)) return null;
    this.open();
    const persistence = await this.persistence!.whenSynced;
    const pending: unknown = await persistence.get(PENDING_KEY);
    return typeof pending === "number" && Number.isSafeInteger(pending) && pending > 0 ? pending : 0;
  }

  /** Records how many changes wait to be sent, for the page that restores this copy. */
  savePendingCount(count: number): void {
    void this.persistence?.set(PENDING_KEY, count);
  }

  /** Starts writing the document on this device (edits wait to be sent, or the person keeps it). */
  keepWhilePending(): void {
    if (!canKeepLocally()) return;
    this.cancelDrop();
    this.open();
  }

  /** Keeps the fiche on this device from now on, or stops (the copy goes once nothing waits to be sent). */
  setKept(kept: boolean, pending: boolean): void {
    if (!canKeepLocally()) return;
    const ids = readIds(KEPT_FICHES_KEY).filter((id) => id !== this.name);
    writeIds(KEPT_FICHES_KEY, kept ? [...ids, this.name] : ids);
    if (kept) this.keepWhilePending();
    else if (!pending) this.allStored();
  }

  /** The server has stored everything: the copy goes, unless the person keeps the fiche or edits resume soon. */
  allStored(): void {
    if (!this.persistence || this.kept) return;
    this.cancelDrop();
    this.dropTimer = setTimeout(() => {
      this.dropTimer = null;
      this.dropping = this.drop().finally(() => {
        this.dropping = null;
        if (this.reopenAfterDrop) {
          this.reopenAfterDrop = false;
          this.open();
        }
      });
    }, DROP_DELAY_MS);
  }

  /** Stops writing, keeping what is written (the page is closing or the fiche changes). */
  close(): void {
    this.cancelDrop();
    this.reopenAfterDrop = false;
    void this.persistence?.destroy();
    this.persistence = null;
  }

  private cancelDrop(): void {
    if (this.dropTimer !== null) clearTimeout(this.dropTimer);
    this.dropTimer = null;
  }

  private open(): void {
    if (this.persistence) return;
    // Opened at the end of the deletion, it writes the whole document then, edits made meanwhile included.
    if (this.dropping) {
      this.reopenAfterDrop = true;
      return;
    }
    writeIds(LOCAL_DOCUMENTS_KEY, [...readIds(LOCAL_DOCUMENTS_KEY), this.name]);
    this.persistence = new IndexeddbPersistence(this.name, this.doc);
  }

  private async drop(): Promise<void> {
    const persistence = this.persistence;
    this.persistence = null;
    // Not clearData(): it does not wait for the deletion it starts.
    await persistence?.destroy();
    await clearDocument(this.name);
    writeIds(LOCAL_DOCUMENTS_KEY, readIds(LOCAL_DOCUMENTS_KEY).filter((id) => id !== this.name));
  }
}

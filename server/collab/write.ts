import * as Y from "yjs";
import { getDb, type Db } from "@/db/client";
import { getFicheAccessFacts } from "@/db/queries/fiche-access";
import { appendUpdate, loadDocument, loadDocumentState } from "./persistence";
import { getCollabServer } from "./registry";
import { consoleLogger, type CollabLogger } from "./log";

/**
 * Runs `mutate` on `doc` and returns the update it produced (null if it changed nothing).
 * `mutate` may open its own transactions; every update it emits is merged into one.
 */
export function captureMutation(doc: Y.Doc, mutate: (doc: Y.Doc) => void): Uint8Array | null {
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array) => updates.push(update);
  doc.on("update", collect);
  try {
    doc.transact(() => mutate(doc));
  } finally {
    doc.off("update", collect);
  }
  if (updates.length === 0) return null;
  return updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
}

/**
 * Writes to a fiche's stored document when no server holds it live: loads it, mutates a private
 * copy and appends the resulting update. Synchronous from read to append, so nothing in this
 * process can slip in between.
 */
export function updateStoredDocument(
  db: Db,
  ficheId: number,
  userId: number | null,
  mutate: (doc: Y.Doc) => void,
  logger: CollabLogger = consoleLogger,
): Uint8Array | null {
  if (!getFicheAccessFacts(db, ficheId)) throw new Error(`Cannot write to fiche ${ficheId}: it does not exist`);
  const doc = loadDocument(db, ficheId, logger)?.doc ?? new Y.Doc();
  try {
    const update = captureMutation(doc, mutate);
    if (update) appendUpdate(db, ficheId, update, userId);
    return update;
  } finally {
    doc.destroy();
  }
}

/**
 * Server-side write to a fiche's document (REST API, import, restoring a revision). Goes through the
 * running collaboration server when there is one, so connected editors see it at once; else
 * through storage. Returns the stored update, or null when `mutate` changed nothing.
 *
 * `mutate` runs on a document built with the caller's own copy of yjs, and only the resulting
 * bytes cross over to the server: Next's bundled code and the custom server each load yjs, and
 * mixing one copy's types into the other's documents corrupts them. Nothing awaits between the
 * read of the live state and the apply, so no other edit can slip in between.
 */
export function updateFicheDocument(
  ficheId: number,
  userId: number | null,
  mutate: (doc: Y.Doc) => void,
  db: Db = getDb(),
): Uint8Array | null {
  const server = getCollabServer();
  if (!server) return updateStoredDocument(db, ficheId, userId, mutate);
  if (!getFicheAccessFacts(db, ficheId)) throw new Error(`Cannot write to fiche ${ficheId}: it does not exist`);
  const doc = new Y.Doc();
  try {
    const state = server.encodeDocumentState(ficheId) ?? loadDocumentState(db, ficheId);
    if (state) Y.applyUpdate(doc, state);
    const update = captureMutation(doc, mutate);
    if (update) server.applyUpdate(ficheId, userId, update);
    return update;
  } finally {
    doc.destroy();
  }
}

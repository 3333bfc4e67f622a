import * as Y from "yjs";
import type { Db } from "@/db/client";
import { getLatestRevision } from "@/db/queries/revision";
import { ficheRevision, type FicheRevision } from "@/db/schema";
import { transactionWriting } from "@/db/documents-file";
import type { RevisionReason } from "@/lib/revision/values";
import { scratchDoc } from "./collab/scratch-doc";
import { recordEvent } from "./notification";
import { readRevisionState, sameSnapshot, snapshotOf, type RevisionSnapshot } from "./revision-snapshot";
import { parisDayOf, pruneRevisions } from "./revision-retention";

// Revisions are Yjs states: only the collaboration server's graph (and the CLI, tests, the
// projection worker) reads them. Others take a revision through takeRevision in revision.ts.

/**
 * Whether the last revision's state already holds `state`: the same content, or every edit of it.
 * Revisions are taken off the socket's thread, so one asked for before a restore may arrive after
 * the restore's own revisions: it must not bring the older content back as the latest version.
 */
function lastRevisionHolds(lastState: Uint8Array, state: Uint8Array, snapshot: RevisionSnapshot): boolean {
  const doc = scratchDoc();
  try {
    Y.applyUpdate(doc, lastState);
    if (sameSnapshot(snapshotOf(doc), snapshot)) return true;
    // Yjs emits an update only for insertions or deletions the document did not have.
    let grew = false;
    doc.on("update", () => (grew = true));
    Y.applyUpdate(doc, state);
    return !grew;
  } finally {
    doc.destroy();
  }
}

const toBuffer = (bytes: Uint8Array) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/**
 * Stores a revision of a fiche: its whole Yjs state and who edited since the previous one. Skipped
 * (null) when the content equals the last revision's, so quiet timers and departures never pile up
 * identical versions, or when the last revision already holds every edit of `state` (an older state).
 * Synchronous from the read of the last revision to the insert. The first revision of a day thins
 * the fiche's older ones (see pruneRevisions).
 */
export function storeRevision(
  db: Db,
  ficheId: number,
  state: Uint8Array,
  authorIds: readonly number[],
  reason: RevisionReason,
  options: { restoredFromId?: number } = {},
): FicheRevision | null {
  const snapshot = readRevisionState(state);
  // The main file's write lock only: the socket's appends to the documents file go on meanwhile.
  return transactionWriting(db, "main", () => {
    const last = getLatestRevision(db, ficheId);
    if (last && lastRevisionHolds(last.state, state, snapshot)) return null;
    const authors = [...new Set(authorIds.filter((id) => Number.isInteger(id) && id > 0))].sort((a, b) => a - b);
    const created = db
      .insert(ficheRevision)
      .values({
        ficheId,
        state: toBuffer(state),
        titre: snapshot.content.titre.replace(/\s+/g, " ").trim().slice(0, 300),
        authorIds: authors,
        reason,
        restoredFromId: options.restoredFromId ?? null,
      })
      .returning()
      .get();
    // Thinning old revisions once a day per fiche keeps its cost off the revisions of a busy day.
    if (last && parisDayOf(last.createdAt) !== parisDayOf(created.createdAt)) pruneRevisions(db, ficheId, created.createdAt);
    // A revision, not each keystroke, is what "the fiche changed" means to its followers; a creation has none yet.
    if (last) recordEvent(db, { kind: "fiche_modifiee", ficheId, actorId: authors.length === 1 ? authors[0] : null, authorIds: authors });
    return created;
  });
}

import { and, eq, gte, isNotNull } from "drizzle-orm";
import * as Y from "yjs";
import { scratchDoc } from "./collab/scratch-doc";
import type { Db } from "@/db/client";
import { getFicheAccessFacts } from "@/db/queries/fiche-access";
import { getLatestRevision, getRevision } from "@/db/queries/revision";
import { ficheRevision, ficheUpdate, type FicheRevision } from "@/db/schema";
import { transactionWriting } from "@/db/documents-file";
import type { RevisionReason } from "@/lib/revision/values";
import type { Viewer } from "@/lib/policies/viewer";
import { canEditFiche, canReadFiche } from "@/lib/policies/fiche";
import { loadDocumentState } from "./collab/persistence";
import { getCollabServer } from "./collab/registry";
import { getFicheDocuments } from "./collab/write";
import { DomainError } from "./errors";
import { recordEvent } from "./notification";
import { readRevisionState, sameSnapshot, snapshotOf, type RevisionSnapshot } from "./revision-snapshot";
import { parisDayOf, pruneRevisions, revisionRetentionDays } from "./revision-retention";

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
export function takeRevision(
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

/** The people whose updates reached the fiche's log since its last revision (those not compacted away yet). */
function authorsSinceLastRevision(db: Db, ficheId: number): number[] {
  const last = getLatestRevision(db, ficheId);
  const conditions = [eq(ficheUpdate.ficheId, ficheId), isNotNull(ficheUpdate.userId)];
  // Same millisecond counts as after: crediting an author twice beats losing one.
  if (last) conditions.push(gte(ficheUpdate.createdAt, last.createdAt));
  return db
    .selectDistinct({ userId: ficheUpdate.userId })
    .from(ficheUpdate)
    .where(and(...conditions))
    .all()
    .map((r) => r.userId!);
}

/**
 * Makes sure the fiche's current content is a revision before something replaces it: the running
 * collaboration server takes what its editors have done since the last one, with their names;
 * without a server, the stored state is taken with the authors still in the update log.
 */
function checkpoint(db: Db, ficheId: number): void {
  getCollabServer()?.takePendingRevision?.(ficheId);
  const state = loadDocumentState(db, ficheId);
  if (state) takeRevision(db, ficheId, state, authorsSinceLastRevision(db, ficheId), "pause");
}

function notFound(ficheId: number, revisionId: number): DomainError {
  return new DomainError("not_found", "Cette version n'existe pas ou n'appartient pas à cette fiche.", undefined, `No revision ${revisionId} of fiche ${ficheId}.`);
}

/**
 * Restores a revision as a new forward edit through the live document, so connected editors see
 * it at once; then records a "restauration" revision. Earlier revisions are never touched: the
 * content replaced is first saved as a revision itself. Requires canEditFiche.
 */
export function restoreRevision(db: Db, ficheId: number, revisionId: number, viewer: Viewer | null): FicheRevision {
  const facts = getFicheAccessFacts(db, ficheId);
  // What the viewer may not read (a draft of others, a hidden fiche) is not disclosed.
  if (!facts || !canReadFiche(viewer, facts)) throw notFound(ficheId, revisionId);
  if (!canEditFiche(viewer, facts)) {
    throw new DomainError(
      "forbidden",
      viewer ? "Vous ne pouvez pas modifier cette fiche, donc pas en restaurer une version." : "Connectez-vous pour restaurer une version.",
      undefined,
      `User ${viewer?.id ?? "anonymous"} may not edit fiche ${ficheId}.`,
    );
  }
  const revision = getRevision(db, revisionId);
  if (!revision || revision.ficheId !== ficheId) throw notFound(ficheId, revisionId);

  checkpoint(db, ficheId);
  const restored = getFicheDocuments(db).edit(ficheId, { viewer: viewer! }, { kind: "restore", revisionState: revision.state }, { projectNow: true });
  if (!restored.changed) {
    throw new DomainError(
      "already_current",
      "Cette version est identique au contenu actuel de la fiche : il n'y a rien à restaurer.",
      undefined,
      `Revision ${revisionId} equals the current content of fiche ${ficheId}.`,
    );
  }
  const created = takeRevision(db, ficheId, restored.state!, [viewer!.id], "restauration", { restoredFromId: revision.id });
  // The tracker saw the restore's write: it is in the revision above, so settle it there.
  getCollabServer()?.takePendingRevision?.(ficheId);
  return created ?? getLatestRevision(db, ficheId)!;
}

function durationFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 100 || value > 24 * 3600_000) {
    throw new Error(`${name} must be a whole number of milliseconds between 100 and 86400000; got "${raw}"`);
  }
  return value;
}

/**
 * When the collaboration server takes revisions: after COLLAB_REVISION_QUIET_MS without an edit
 * (30 s by default) and at least every COLLAB_REVISION_INTERVAL_MS of continuous editing (10 min).
 */
export function revisionTimings(): { revisionQuietMs: number; revisionIntervalMs: number } {
  // Checked at startup with the other revision settings, so a bad value stops the server, not each revision.
  revisionRetentionDays();
  return {
    revisionQuietMs: durationFromEnv("COLLAB_REVISION_QUIET_MS", 30_000),
    revisionIntervalMs: durationFromEnv("COLLAB_REVISION_INTERVAL_MS", 10 * 60_000),
  };
}

import { and, eq, gte, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getFicheAccessFacts } from "@/db/queries/fiche-access";
import { getLatestRevision, getRevision } from "@/db/queries/revision";
import { ficheUpdate, type FicheRevision } from "@/db/schema";
import type { RevisionReason } from "@/lib/revision/values";
import type { Viewer } from "@/lib/policies/viewer";
import { canEditFiche, canReadFiche } from "@/lib/policies/fiche";
import { getCollabServer } from "./collab/registry";
import { getFicheDocuments } from "./collab/write";
import { DomainError } from "./errors";
import { revisionRetentionDays } from "./revision-retention";

/**
 * Stores a revision of a fiche (see storeRevision in revision-store.ts), through the document
 * service: its Yjs work runs in the collaboration server's module graph.
 */
export function takeRevision(
  db: Db,
  ficheId: number,
  state: Uint8Array,
  authorIds: readonly number[],
  reason: RevisionReason,
  options: { restoredFromId?: number } = {},
): FicheRevision | null {
  return getFicheDocuments(db).takeRevision(db, ficheId, state, authorIds, reason, options);
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
  const state = getFicheDocuments(db).readStored(db, ficheId)?.state;
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

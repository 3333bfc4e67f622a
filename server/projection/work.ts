import type { Db } from "@/db/client";
import type { AutomaticRevisionReason } from "../collab/revisions";
import { errorMessage } from "../collab/log";
import { projectFiche } from "../fiche-projection";
import { storeRevision } from "../revision-store";
import type { StoredDocuments } from "./stored-documents";

/** A revision the collaboration server asked for: the fiche's whole state, its authors since the last one, and why. */
export type RevisionRequest = { state: Uint8Array; authorIds: number[]; reason: AutomaticRevisionReason };

/**
 * What is derived from one fiche's document and not done yet: its projection (rows, links, html,
 * texte, search entry, citing fiches), from the stored state when it runs, and its revisions, in order.
 */
export type FicheWork = { ficheId: number; project: boolean; revisions: RevisionRequest[] };

/** What the service sends its worker. */
export type WorkerRequest = { type: "work"; work: FicheWork } | { type: "stop" };

/** What the worker answers: ready once its connection is open, then one "done" per work. It exits once stopped. */
export type WorkerReply = { type: "ready" } | { type: "done"; ficheId: number; errors: string[] };

/** Does a fiche's derived work on `db`, reading its document through `documents`. Each step is tried on its own; returns the failures' messages. */
export function doFicheWork(db: Db, documents: StoredDocuments, work: FicheWork): string[] {
  const errors: string[] = [];
  if (work.project) {
    try {
      const doc = documents.read(work.ficheId);
      if (doc) projectFiche(db, work.ficheId, doc);
    } catch (error) {
      // Read afresh next time: a half-applied cached document must not be projected again.
      documents.forget(work.ficheId);
      errors.push(`fiche ${work.ficheId}: projection failed: ${errorMessage(error)}`);
    }
  }
  for (const revision of work.revisions) {
    try {
      storeRevision(db, work.ficheId, revision.state, revision.authorIds, revision.reason);
    } catch (error) {
      errors.push(`fiche ${work.ficheId}: could not take a revision (${revision.reason}): ${errorMessage(error)}`);
    }
  }
  return errors;
}

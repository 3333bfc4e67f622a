import * as Y from "yjs";
import { scratchDoc } from "../collab/scratch-doc";
import type { Db } from "@/db/client";
import type { AutomaticRevisionReason } from "../collab/revisions";
import { errorMessage } from "../collab/log";
import { projectFiche } from "../fiche-projection";
import { takeRevision } from "../revision";

/** A revision the collaboration server asked for: the fiche's whole state, its authors since the last one, and why. */
export type RevisionRequest = { state: Uint8Array; authorIds: number[]; reason: AutomaticRevisionReason };

/**
 * What is derived from one fiche's document and not done yet: its projection (rows, links, html,
 * texte, search entry, citing fiches), from the latest state only, and its revisions, in order.
 */
export type FicheWork = { ficheId: number; state: Uint8Array | null; revisions: RevisionRequest[] };

/** What the service sends its worker. */
export type WorkerRequest = { type: "work"; work: FicheWork } | { type: "stop" };

/** What the worker answers: ready once its connection is open, then one "done" per work. It exits once stopped. */
export type WorkerReply = { type: "ready" } | { type: "done"; ficheId: number; errors: string[] };

/** Does a fiche's derived work on `db`. Each step is tried on its own; returns the failures' messages. */
export function doFicheWork(db: Db, work: FicheWork): string[] {
  const errors: string[] = [];
  if (work.state) {
    const doc = scratchDoc();
    try {
      Y.applyUpdate(doc, work.state);
      projectFiche(db, work.ficheId, doc);
    } catch (error) {
      errors.push(`fiche ${work.ficheId}: projection failed: ${errorMessage(error)}`);
    } finally {
      doc.destroy();
    }
  }
  for (const revision of work.revisions) {
    try {
      takeRevision(db, work.ficheId, revision.state, revision.authorIds, revision.reason);
    } catch (error) {
      errors.push(`fiche ${work.ficheId}: could not take a revision (${revision.reason}): ${errorMessage(error)}`);
    }
  }
  return errors;
}

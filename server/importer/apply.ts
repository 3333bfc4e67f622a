import { eq } from "drizzle-orm";
import * as Y from "yjs";
import type { Db } from "@/db/client";
import { fiche } from "@/db/schema";
import { createActeur } from "../acteur";
import { appendUpdate, loadDocument } from "../collab/persistence";
import { getCollabServer } from "../collab/registry";
import { captureMutation } from "../collab/write";
import { insertFiche } from "../fiche";
import { projectFiche } from "../fiche-projection";
import { takeRevision } from "../revision";
import type { ImportField } from "@/lib/import/preview";
import { buildImportedDocument, mergeImport } from "./merge";
import { acteurLinksOf, findImportedFiches, indexActeurs, type ImportPlan } from "./plan";
import type { ImportDocument } from "./read-file";
import type { ImportedFicheType, ImportIssue } from "./types";

/** A step of a running import, for a progress bar: `done` of `total` items of the phase. */
export type ImportProgress = { phase: "acteurs" | "fiches"; done: number; total: number; titre?: string };

export type ImportedFicheRef = { id: number; slug: string; titre: string; type: ImportedFicheType; changes: ImportField[]; kept: ImportField[] };
export type ImportedActeurRef = { id: number; slug: string; nom: string };

/** What an import did. */
export type ImportOutcome = {
  document: ImportDocument;
  created: ImportedFicheRef[];
  updated: ImportedFicheRef[];
  unchanged: ImportedFicheRef[];
  acteursCreated: ImportedActeurRef[];
  acteursReused: ImportedActeurRef[];
  report: ImportIssue[];
};

export type ApplyOptions = {
  /** Who imports: the fiches' and updates' author; null for the first-start seed and the CLI. */
  viewerId: number | null;
  onProgress?: (progress: ImportProgress) => void;
};

type LiveUpdate = { ficheId: number; update: Uint8Array };

/**
 * Writes a plan in ONE immediate SQLite transaction: everything or nothing. The directory and the
 * previously imported fiches are read again inside it, so that an acteur or a fiche created since
 * the preview is reused rather than duplicated. New fiches go through insertFiche, published and
 * flagged à vérifier; existing ones receive a forward Yjs update (mergeImport), appended to their
 * log and projected, and are flagged à vérifier again when something changed. Once committed, the
 * updates reach the editors connected to those fiches through the collaboration server.
 */
export function applyImport(db: Db, plan: ImportPlan, options: ApplyOptions): ImportOutcome {
  const live: LiveUpdate[] = [];
  const outcome = db.transaction(() => writePlan(db, plan, options, live), { behavior: "immediate" });
  const server = getCollabServer();
  for (const { ficheId, update } of server ? live : []) {
    // A no-op for a fiche nobody has open; the update is already in the log.
    try {
      server!.applyStoredUpdate(ficheId, update);
    } catch (error) {
      // The import is committed: the live document gets the update from the log at its next compaction.
      console.error(`Import: could not send fiche ${ficheId}'s update to its live editors:`, error);
    }
  }
  return outcome;
}

function writePlan(db: Db, plan: ImportPlan, { viewerId, onProgress }: ApplyOptions, live: LiveUpdate[]): ImportOutcome {
  const outcome: ImportOutcome = { document: plan.document, created: [], updated: [], unchanged: [], acteursCreated: [], acteursReused: [], report: plan.report };
  const index = indexActeurs(db);
  const acteurIds = new Map<string, number>();
  const wanted = plan.acteurs.filter((a) => a.action !== "skip");
  wanted.forEach((planned, i) => {
    const existing = index.get(planned.key)?.[0];
    if (existing) {
      acteurIds.set(planned.key, existing.id);
      outcome.acteursReused.push({ id: existing.id, slug: existing.slug, nom: existing.nom });
    } else {
      const created = createActeur(db, null, planned.input!);
      acteurIds.set(planned.key, created.id);
      outcome.acteursCreated.push({ id: created.id, slug: created.slug, nom: created.nom });
    }
    onProgress?.({ phase: "acteurs", done: i + 1, total: wanted.length });
  });

  const imported = findImportedFiches(db);
  plan.fiches.forEach((planned, i) => {
    const values = { ...planned.values, acteurs: acteurLinksOf(planned.fiche, (key) => acteurIds.get(key) ?? null) };
    const existing = imported.get(planned.importKey)?.[0];
    if (!existing) {
      const row = insertFiche(db, {
        type: values.type,
        titre: values.titre,
        createdBy: viewerId,
        statut: "publiee",
        aVerifier: true,
        state: buildImportedDocument(planned.importKey, values),
        origin: "import",
      });
      outcome.created.push({ id: row.id, slug: row.slug, titre: row.titre, type: values.type, changes: planned.changes, kept: [] });
    } else {
      const doc = loadDocument(db, existing.id)?.doc ?? new Y.Doc();
      try {
        let decision = { changes: [] as ImportField[], kept: [] as ImportField[] };
        const update = captureMutation(doc, (d) => {
          decision = mergeImport(d, values);
        });
        const ref = { id: existing.id, slug: existing.slug, titre: values.titre, type: values.type, ...decision };
        if (update) {
          appendUpdate(db, existing.id, update, viewerId);
          projectFiche(db, existing.id, doc);
          takeRevision(db, existing.id, Y.encodeStateAsUpdate(doc), viewerId === null ? [] : [viewerId], "import");
          db.update(fiche).set({ aVerifier: true, updatedAt: new Date() }).where(eq(fiche.id, existing.id)).run();
          live.push({ ficheId: existing.id, update });
          ref.titre = db.select({ titre: fiche.titre }).from(fiche).where(eq(fiche.id, existing.id)).get()!.titre;
          outcome.updated.push(ref);
        } else {
          ref.titre = existing.titre;
          outcome.unchanged.push(ref);
        }
      } finally {
        doc.destroy();
      }
    }
    onProgress?.({ phase: "fiches", done: i + 1, total: plan.fiches.length, titre: values.titre });
  });
  return outcome;
}

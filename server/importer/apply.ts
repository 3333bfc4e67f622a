import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fiche } from "@/db/schema";
import { createActeur } from "../acteur";
import { SYSTEM } from "../authorize";
import type { TransactionEdit } from "../collab/documents";
import { getFicheDocuments } from "../collab/write";
import { insertFiche } from "../fiche";
import { takeRevision } from "../revision";
import type { ImportField } from "@/lib/import/preview";
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

/**
 * Writes a plan in ONE immediate SQLite transaction: everything or nothing. The directory and the
 * previously imported fiches are read again inside it, so that an acteur or a fiche created since
 * the preview is reused rather than duplicated. New fiches go through insertFiche, published and
 * flagged à vérifier; existing ones receive a forward Yjs update (mergeImport), appended to their
 * log through the document service, and are flagged à vérifier again when something changed. Once
 * committed, the service brings the updates to the editors connected to those fiches and projects them.
 */
export function applyImport(db: Db, plan: ImportPlan, options: ApplyOptions): ImportOutcome {
  return getFicheDocuments(db).transaction(db, (edit) => writePlan(db, plan, options, edit));
}

function writePlan(db: Db, plan: ImportPlan, { viewerId, onProgress }: ApplyOptions, edit: TransactionEdit): ImportOutcome {
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
      const created = createActeur(db, SYSTEM, planned.input!);
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
        imported: { key: planned.importKey, values },
        origin: "import",
      });
      outcome.created.push({ id: row.id, slug: row.slug, titre: row.titre, type: values.type, changes: planned.changes, kept: [] });
    } else {
      const merged = edit(existing.id, { system: "import", userId: viewerId }, { kind: "merge-import", values });
      const ref = { id: existing.id, slug: existing.slug, titre: merged.content?.titre ?? existing.titre, type: values.type, changes: [] as ImportField[], kept: [] as ImportField[], ...merged.decision };
      if (merged.changed) {
        takeRevision(db, existing.id, merged.state!, viewerId === null ? [] : [viewerId], "import");
        db.update(fiche).set({ aVerifier: true, updatedAt: new Date() }).where(eq(fiche.id, existing.id)).run();
        outcome.updated.push(ref);
      } else {
        outcome.unchanged.push(ref);
      }
    }
    onProgress?.({ phase: "fiches", done: i + 1, total: plan.fiches.length, titre: values.titre });
  });
  return outcome;
}

import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { acteur } from "@/db/schema";
import { createActeur } from "../acteur";
import { SYSTEM } from "../authorize";
import { DomainError } from "../errors";
import { createLieu, updateLieu } from "../lieu";
import { planLieuxImport, type LieuxImportPlan } from "./plan";
import type { LieuxCsvFile } from "./read";

/** An acteur or a lieu the import wrote, with where to see it. */
export type WrittenRef = { id: number; nom: string; acteurSlug: string; line?: number };

/** What an import did, the plan it followed included (its skipped rows and notes). */
export type LieuxImportOutcome = {
  plan: LieuxImportPlan;
  acteursCreated: WrittenRef[];
  acteursUpdated: WrittenRef[];
  lieuxCreated: WrittenRef[];
  lieuxUpdated: WrittenRef[];
};

/**
 * Imports a read lieux CSV in ONE immediate transaction: everything or nothing. The plan is made
 * again inside it, so that an acteur or a lieu created since the preview is reused rather than
 * duplicated; when `digest` is given (the preview's), a plan that changed meanwhile is refused.
 * Acteurs are created without a member (createActeur by the system), as the fiche importer does.
 */
export function applyLieuxImport(db: Db, file: Extract<LieuxCsvFile, { ok: true }>, text: string, options: { digest?: string } = {}): LieuxImportOutcome {
  return db.transaction(
    () => {
      const plan = planLieuxImport(db, file, text);
      if (options.digest && options.digest !== plan.digest) {
        throw new DomainError(
          "plan_changed",
          "L'annuaire a changé depuis l'aperçu : prévisualisez à nouveau le fichier avant de confirmer. Rien n'a été importé.",
          undefined,
          "The directory changed since the preview: preview the file again before confirming. Nothing was imported.",
        );
      }
      const outcome: LieuxImportOutcome = { plan, acteursCreated: [], acteursUpdated: [], lieuxCreated: [], lieuxUpdated: [] };
      const ids = plan.acteurs.map((planned) => {
        if (planned.action === "create") {
          const created = createActeur(db, SYSTEM, planned.input!);
          outcome.acteursCreated.push({ id: created.id, nom: created.nom, acteurSlug: created.slug });
          return created;
        }
        const existing = planned.existing!;
        if (planned.action === "update") {
          db.update(acteur).set({ ...planned.pivot, updatedAt: new Date() }).where(eq(acteur.id, existing.id)).run();
          outcome.acteursUpdated.push({ id: existing.id, nom: existing.nom, acteurSlug: existing.slug });
        }
        return { id: existing.id, slug: existing.slug };
      });
      for (const row of plan.lieux) {
        if (row.action === "create") {
          const owner = ids[row.acteur!];
          const created = createLieu(db, SYSTEM, owner.id, row.input!);
          outcome.lieuxCreated.push({ id: created.id, nom: created.nom, acteurSlug: owner.slug, line: row.line });
        } else if (row.action === "update") {
          const updated = updateLieu(db, SYSTEM, row.existing!.id, row.input!);
          const slug = db.select({ slug: acteur.slug }).from(acteur).where(eq(acteur.id, updated.acteurId)).get()!.slug;
          outcome.lieuxUpdated.push({ id: updated.id, nom: updated.nom, acteurSlug: slug, line: row.line });
        }
      }
      return outcome;
    },
    { behavior: "immediate" },
  );
}

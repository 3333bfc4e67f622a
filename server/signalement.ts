import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getFicheAccessFacts } from "@/db/queries/fiche-access";
import { fiche, signalement } from "@/db/schema";
import type { SignalementMotif } from "@/lib/signalement/values";
import { displayTitre } from "@/lib/fiche/labels";
import type { Viewer } from "@/lib/policies/viewer";
import { canReadFiche } from "@/lib/policies/fiche";
import { canModerate, canReportFiche } from "@/lib/policies/moderation";
import { SIGNALEMENT_COMMENTAIRE_MAX } from "@/lib/schemas/moderation";
import { DomainError } from "./errors";

export type Signalement = typeof signalement.$inferSelect;

/** A report as the reporter sends it; `autreFicheId` names the fiche a "doublon" duplicates. */
export type ReportInput = { ficheId: number; motif: SignalementMotif; commentaire?: string; autreFicheId?: number };

function notFound(ficheId: number): DomainError {
  return new DomainError("not_found", "Cette fiche n'existe pas ou plus.", undefined, `No fiche with id ${ficheId}.`);
}

// The table has no column for the duplicated fiche: it is written into the comment, as a line the
// moderators read and follow.
function duplicateLine(db: Db, viewer: Viewer, input: ReportInput): string {
  if (input.motif !== "doublon" || input.autreFicheId === undefined) return "";
  if (input.autreFicheId === input.ficheId) {
    throw new DomainError("same_fiche", "Choisissez une autre fiche que celle-ci.", "autreFicheId", "A fiche cannot duplicate itself.");
  }
  const facts = getFicheAccessFacts(db, input.autreFicheId);
  const other = facts && canReadFiche(viewer, facts) ? db.select({ slug: fiche.slug, titre: fiche.titre }).from(fiche).where(eq(fiche.id, input.autreFicheId)).get() : undefined;
  if (!other) {
    throw new DomainError("other_not_found", "L'autre fiche n'existe pas ou plus : choisissez-la à nouveau dans la liste.", "autreFicheId", `No fiche with id ${input.autreFicheId}.`);
  }
  return `Doublon de « ${displayTitre(other.titre)} » (/fiches/${other.slug})`;
}

/**
 * Reports a problem on a fiche for the moderators' queue. One open report per person and fiche: a
 * second one replaces the motif and comment of the first. Returns the report and whether it was new.
 */
export function reportFiche(db: Db, viewer: Viewer | null, input: ReportInput): { signalement: Signalement; created: boolean } {
  const facts = getFicheAccessFacts(db, input.ficheId);
  if (!facts) throw notFound(input.ficheId);
  if (!viewer || !canReportFiche(viewer, facts)) {
    if (viewer) throw notFound(input.ficheId);
    throw new DomainError("unauthenticated", "Connectez-vous pour signaler un problème.", undefined, "Sign in to report a fiche.");
  }
  if ((input.commentaire?.trim().length ?? 0) > SIGNALEMENT_COMMENTAIRE_MAX) {
    throw new DomainError("too_long", `${SIGNALEMENT_COMMENTAIRE_MAX} caractères au maximum.`, "commentaire", `The comment exceeds ${SIGNALEMENT_COMMENTAIRE_MAX} characters.`);
  }
  const commentaire = [input.commentaire?.trim() ?? "", duplicateLine(db, viewer, input)].filter(Boolean).join("\n\n");
  return db.transaction(
    () => {
      const open = db
        .select({ id: signalement.id })
        .from(signalement)
        .where(and(eq(signalement.ficheId, input.ficheId), eq(signalement.reporterId, viewer.id), isNull(signalement.resolvedAt)))
        .get();
      if (open) {
        const updated = db.update(signalement).set({ motif: input.motif, commentaire }).where(eq(signalement.id, open.id)).returning().get();
        return { signalement: updated, created: false };
      }
      const created = db.insert(signalement).values({ ficheId: input.ficheId, motif: input.motif, commentaire, reporterId: viewer.id }).returning().get();
      return { signalement: created, created: true };
    },
    { behavior: "immediate" },
  );
}

/** Closes an open report with an optional note saying what was done; moderators only. */
export function resolveSignalement(db: Db, viewer: Viewer | null, input: { signalementId: number; resolution?: string }): Signalement {
  if (!canModerate(viewer)) {
    throw new DomainError("forbidden", "Seuls les modérateurs traitent les signalements.", undefined, `User ${viewer?.id ?? "anonymous"} may not resolve reports.`);
  }
  return db.transaction(
    () => {
      const row = db.select({ resolvedAt: signalement.resolvedAt }).from(signalement).where(eq(signalement.id, input.signalementId)).get();
      if (!row) throw new DomainError("not_found", "Ce signalement n'existe plus.", undefined, `No report with id ${input.signalementId}.`);
      if (row.resolvedAt) {
        throw new DomainError("already_resolved", "Ce signalement a déjà été résolu, peut-être par un autre modérateur.", undefined, `Report ${input.signalementId} is already resolved.`);
      }
      return db
        .update(signalement)
        .set({ resolvedAt: new Date(), resolvedBy: viewer!.id, resolution: input.resolution?.trim() || null })
        .where(eq(signalement.id, input.signalementId))
        .returning()
        .get();
    },
    { behavior: "immediate" },
  );
}

import { alias } from "drizzle-orm/sqlite-core";
import { and, asc, count, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { fiche, signalement, user } from "../schema";
import type { FicheStatut } from "@/lib/fiche/values";
import type { SignalementMotif } from "@/lib/signalement/values";

/** The fiche a report is about, with what the moderators' actions depend on. */
export type ReportedFiche = { id: number; slug: string; titre: string; statut: FicheStatut; masquee: boolean; redirectToId: number | null };

/** A report as the moderators' queue shows it. */
export type SignalementItem = {
  id: number;
  motif: SignalementMotif;
  commentaire: string;
  createdAt: Date;
  reporterName: string | null;
  fiche: ReportedFiche;
  resolvedAt: Date | null;
  resolverName: string | null;
  resolution: string | null;
};

const reporter = alias(user, "reporter");
const resolver = alias(user, "resolver");

function listSignalements(db: Db, open: boolean, limit: number): SignalementItem[] {
  const rows = db
    .select({
      id: signalement.id,
      motif: signalement.motif,
      commentaire: signalement.commentaire,
      createdAt: signalement.createdAt,
      reporterName: reporter.name,
      resolvedAt: signalement.resolvedAt,
      resolverName: resolver.name,
      resolution: signalement.resolution,
      ficheId: fiche.id,
      slug: fiche.slug,
      titre: fiche.titre,
      statut: fiche.statut,
      masquee: fiche.masquee,
      redirectToId: fiche.redirectToId,
    })
    .from(signalement)
    .innerJoin(fiche, eq(fiche.id, signalement.ficheId))
    .leftJoin(reporter, eq(reporter.id, signalement.reporterId))
    .leftJoin(resolver, eq(resolver.id, signalement.resolvedBy))
    // Reports on a message are decided with the message, in the queue's "Messages à modérer".
    .where(and(isNull(signalement.commentId), open ? isNull(signalement.resolvedAt) : isNotNull(signalement.resolvedAt)))
    // The oldest open report first; the latest resolved first.
    .orderBy(...(open ? [asc(signalement.createdAt), asc(signalement.id)] : [desc(signalement.resolvedAt), desc(signalement.id)]))
    .limit(limit)
    .all();
  return rows.map(({ ficheId, slug, titre, statut, masquee, redirectToId, ...r }) => ({ ...r, fiche: { id: ficheId, slug, titre, statut, masquee, redirectToId } }));
}

/** The open reports, oldest first: the moderators' queue. */
export function listOpenSignalements(db: Db, limit = 200): SignalementItem[] {
  return listSignalements(db, true, limit);
}

/** The resolved reports, latest first, with who resolved them and their note. */
export function listResolvedSignalements(db: Db, limit = 100): SignalementItem[] {
  return listSignalements(db, false, limit);
}

/** How many reports wait in the queue. */
export function countOpenSignalements(db: Db): number {
  return db.select({ n: count() }).from(signalement).where(and(isNull(signalement.commentId), isNull(signalement.resolvedAt))).get()!.n;
}

/** The fiches hidden by moderators, the latest changed first. */
export function listHiddenFiches(db: Db): (ReportedFiche & { updatedAt: Date })[] {
  return db
    .select({ id: fiche.id, slug: fiche.slug, titre: fiche.titre, statut: fiche.statut, masquee: fiche.masquee, redirectToId: fiche.redirectToId, updatedAt: fiche.updatedAt })
    .from(fiche)
    .where(eq(fiche.masquee, true))
    .orderBy(desc(fiche.updatedAt), desc(fiche.id))
    .all();
}

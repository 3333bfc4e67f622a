import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { fiche } from "../schema";

/** Where a merged fiche's page leads: the fiche it was merged into, when it still exists. */
export function getRedirectTarget(db: Db, redirectToId: number): { id: number; slug: string } | null {
  return db.select({ id: fiche.id, slug: fiche.slug }).from(fiche).where(eq(fiche.id, redirectToId)).get() ?? null;
}

/** The fiche `sourceSlug` names, when it was merged into `targetId`: for the notice of the redirect. */
export function getMergeNotice(db: Db, sourceSlug: string, targetId: number): { titre: string } | null {
  return db.select({ titre: fiche.titre }).from(fiche).where(and(eq(fiche.slug, sourceSlug), eq(fiche.redirectToId, targetId))).get() ?? null;
}

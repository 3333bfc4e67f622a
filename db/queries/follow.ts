import { and, desc, eq } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { acteur, catalogue, comment, fiche, follow, taxonomyTerm } from "../schema";
import type { FollowTarget } from "@/lib/follow/values";

/** Something a person follows, named and linked for the list of their follows. */
export type FollowedItem = { targetType: FollowTarget; targetId: number; label: string; href: string; since: Date };

/** What this person follows, by kind, the most recent first; targets that no longer exist are left out. */
export function listFollowsOfUser(db: Db | Tx, userId: number): FollowedItem[] {
  const mine = (type: FollowTarget) => and(eq(follow.userId, userId), eq(follow.targetType, type));
  const since = follow.createdAt;
  const fiches = db
    .select({ targetId: fiche.id, label: fiche.titre, slug: fiche.slug, since })
    .from(follow)
    .innerJoin(fiche, eq(fiche.id, follow.targetId))
    .where(mine("fiche"))
    .orderBy(desc(since))
    .all()
    .map(({ slug, ...f }) => ({ ...f, targetType: "fiche" as const, href: `/fiches/${slug}` }));
  const acteurs = db
    .select({ targetId: acteur.id, label: acteur.nom, slug: acteur.slug, since })
    .from(follow)
    .innerJoin(acteur, eq(acteur.id, follow.targetId))
    .where(mine("acteur"))
    .orderBy(desc(since))
    .all()
    .map(({ slug, ...a }) => ({ ...a, targetType: "acteur" as const, href: `/acteurs/${slug}` }));
  const themes = db
    .select({ targetId: taxonomyTerm.id, label: taxonomyTerm.label, slug: taxonomyTerm.slug, since })
    .from(follow)
    .innerJoin(taxonomyTerm, and(eq(taxonomyTerm.id, follow.targetId), eq(taxonomyTerm.taxonomy, "theme")))
    .where(mine("theme"))
    .orderBy(desc(since))
    .all()
    .map(({ slug, ...t }) => ({ ...t, targetType: "theme" as const, href: `/themes/${slug}` }));
  const catalogues = db
    .select({ targetId: catalogue.id, label: catalogue.titre, slug: catalogue.slug, since })
    .from(follow)
    .innerJoin(catalogue, eq(catalogue.id, follow.targetId))
    .where(mine("catalogue"))
    .orderBy(desc(since))
    .all()
    .map(({ slug, ...c }) => ({ ...c, targetType: "catalogue" as const, href: `/catalogues/${slug}` }));
  const fils = db
    .select({ targetId: comment.id, titre: fiche.titre, slug: fiche.slug, since })
    .from(follow)
    .innerJoin(comment, eq(comment.id, follow.targetId))
    .innerJoin(fiche, eq(fiche.id, comment.ficheId))
    .where(mine("fil"))
    .orderBy(desc(since))
    .all()
    .map(({ slug, titre, ...c }) => ({ ...c, label: `Discussion sur « ${titre} »`, targetType: "fil" as const, href: `/fiches/${slug}` }));
  return [...fiches, ...acteurs, ...themes, ...catalogues, ...fils];
}

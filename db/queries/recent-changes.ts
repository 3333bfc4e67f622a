import { and, count, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../client";
import { acteur, fiche, ficheActeur, ficheRevision, ficheTerm, taxonomyTerm, user } from "../schema";
import type { FicheType } from "@/lib/fiche/values";
import { withAuthors, type RevisionSummary } from "./revision";

/** Filters of the site-wide recent changes; slugs for acteurs and themes, so that URLs stay readable. */
export type RecentChangesFilters = { type?: FicheType; acteur?: string; theme?: string; page?: number; pageSize?: number };

/** A revision in the site-wide list: with its fiche, and the revision before it to diff against. */
export type RecentChange = RevisionSummary & {
  fiche: { id: number; slug: string; titre: string; type: FicheType };
  previousId: number | null;
};

export type RecentChangesPage = { items: RecentChange[]; total: number; page: number; pageSize: number; pageCount: number };

/**
 * What the public sees of the wiki, in lists and feeds alike: a published fiche, not hidden by a
 * moderator, not merged into another. Drafts and hidden fiches are never listed, to anyone.
 */
function isPublic(): SQL {
  return and(eq(fiche.statut, "publiee"), eq(fiche.masquee, false), isNull(fiche.redirectToId))!;
}

function filterConditions(filters: RecentChangesFilters): SQL {
  const conditions: SQL[] = [isPublic()];
  if (filters.type) conditions.push(eq(fiche.type, filters.type));
  if (filters.acteur) {
    conditions.push(sql`exists (select 1 from ${ficheActeur} inner join ${acteur} on ${acteur.id} = ${ficheActeur.acteurId}
      where ${ficheActeur.ficheId} = ${fiche.id} and ${acteur.slug} = ${filters.acteur})`);
  }
  if (filters.theme) {
    conditions.push(sql`exists (select 1 from ${ficheTerm} inner join ${taxonomyTerm} on ${taxonomyTerm.id} = ${ficheTerm.termId}
      where ${ficheTerm.ficheId} = ${fiche.id} and ${taxonomyTerm.taxonomy} = 'theme' and ${taxonomyTerm.slug} = ${filters.theme})`);
  }
  return and(...conditions)!;
}

const restoredFrom = alias(ficheRevision, "restored_from");

/** One page of the revisions of public fiches, newest first, with the filters of the recent changes. */
export function listRecentChanges(db: Db, filters: RecentChangesFilters): RecentChangesPage {
  const pageSize = Math.min(Math.max(filters.pageSize ?? 30, 1), 100);
  const where = filterConditions(filters);
  const total = db.select({ n: count() }).from(ficheRevision).innerJoin(fiche, eq(fiche.id, ficheRevision.ficheId)).where(where).get()!.n;
  const pageCount = Math.ceil(total / pageSize);
  const page = Math.min(Math.max(Math.trunc(filters.page ?? 1), 1), Math.max(pageCount, 1));
  const rows = db
    .select({
      id: ficheRevision.id,
      ficheId: ficheRevision.ficheId,
      createdAt: ficheRevision.createdAt,
      titre: ficheRevision.titre,
      reason: ficheRevision.reason,
      restoredFromId: ficheRevision.restoredFromId,
      restoredFromCreatedAt: restoredFrom.createdAt,
      authorIds: ficheRevision.authorIds,
      previousId: sql<number | null>`(select max(p.id) from fiche_revision p where p.fiche_id = ${ficheRevision.ficheId} and p.id < ${ficheRevision.id})`,
      fiche: { id: fiche.id, slug: fiche.slug, titre: fiche.titre, type: fiche.type },
    })
    .from(ficheRevision)
    .innerJoin(fiche, eq(fiche.id, ficheRevision.ficheId))
    .leftJoin(restoredFrom, eq(restoredFrom.id, ficheRevision.restoredFromId))
    .where(where)
    .orderBy(desc(ficheRevision.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  return { items: withAuthors(db, rows), total, page, pageSize, pageCount };
}

/** A public fiche for a feed of new fiches. */
export type NewFicheEntry = {
  id: number;
  slug: string;
  titre: string;
  type: FicheType;
  createdAt: Date;
  contentUpdatedAt: Date | null;
  html: string;
  extrait: string;
  authorName: string | null;
};

/** The newest public fiches classed under a theme (by creation date), for its Atom feed. */
export function listNewFichesOfTheme(db: Db, themeId: number, limit = 30): NewFicheEntry[] {
  return db
    .select({
      id: fiche.id,
      slug: fiche.slug,
      titre: fiche.titre,
      type: fiche.type,
      createdAt: fiche.createdAt,
      contentUpdatedAt: fiche.contentUpdatedAt,
      html: fiche.html,
      fields: fiche.fields,
      authorName: user.name,
    })
    .from(ficheTerm)
    .innerJoin(fiche, eq(fiche.id, ficheTerm.ficheId))
    .leftJoin(user, eq(user.id, fiche.createdBy))
    .where(and(eq(ficheTerm.termId, themeId), isPublic()))
    .orderBy(desc(fiche.createdAt), desc(fiche.id))
    .limit(limit)
    .all()
    .map(({ fields, ...row }) => ({ ...row, extrait: typeof fields.extrait === "string" ? fields.extrait : "" }));
}

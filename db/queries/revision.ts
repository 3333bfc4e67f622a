import { and, count, desc, eq, inArray, lt, lte, max, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../client";
import { ficheRevision, user, type FicheRevision } from "../schema";
import type { RevisionReason } from "@/lib/revision/values";

/** An author of a revision; `name` is null when the account was deleted since. */
export type RevisionAuthor = { id: number; name: string | null };

/** What a list of revisions shows of each one. */
export type RevisionSummary = {
  id: number;
  ficheId: number;
  createdAt: Date;
  titre: string;
  reason: RevisionReason;
  restoredFromId: number | null;
  /** When the restored revision was taken, for "Restauration de la version du …". */
  restoredFromCreatedAt: Date | null;
  authors: RevisionAuthor[];
};

/** A revision in its fiche's history, with its number there (1 for the first). */
export type NumberedRevision = RevisionSummary & { number: number };

export type RevisionPage = { items: NumberedRevision[]; total: number; page: number; pageSize: number; pageCount: number };

/** One person who worked on a fiche, and when they last did. */
export type Contributor = { id: number; name: string; lastContributionAt: Date };

/** A revision by id, whatever its fiche: the caller checks that it belongs to the fiche it shows. */
export function getRevision(db: Db, id: number): FicheRevision | null {
  return db.select().from(ficheRevision).where(eq(ficheRevision.id, id)).get() ?? null;
}

/** The latest revision of a fiche, or null when it has none. */
export function getLatestRevision(db: Db, ficheId: number): FicheRevision | null {
  return db.select().from(ficheRevision).where(eq(ficheRevision.ficheId, ficheId)).orderBy(desc(ficheRevision.id)).limit(1).get() ?? null;
}

/** The id of the revision of the same fiche just before `id`, or null for the first one. */
export function getPreviousRevisionId(db: Db, ficheId: number, id: number): number | null {
  const row = db
    .select({ id: max(ficheRevision.id) })
    .from(ficheRevision)
    .where(and(eq(ficheRevision.ficheId, ficheId), lt(ficheRevision.id, id)))
    .get();
  return row?.id ?? null;
}

/** The names of the given users, by id; deleted accounts are absent. */
export function getUserNames(db: Db, ids: readonly number[]): Map<number, string> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  return new Map(
    db
      .select({ id: user.id, name: user.name })
      .from(user)
      .where(inArray(user.id, unique))
      .all()
      .map((u) => [u.id, u.name]),
  );
}

/** Resolves the author ids of revision rows into names, in one query. */
export function withAuthors<T extends { authorIds: number[] }>(db: Db, rows: T[]): (Omit<T, "authorIds"> & { authors: RevisionAuthor[] })[] {
  const names = getUserNames(db, rows.flatMap((r) => r.authorIds));
  return rows.map(({ authorIds, ...row }) => ({ ...row, authors: authorIds.map((id) => ({ id, name: names.get(id) ?? null })) }));
}

const restoredFrom = alias(ficheRevision, "restored_from");

/** One page of a fiche's revisions, newest first. */
export function listRevisions(db: Db, ficheId: number, options: { page?: number; pageSize?: number } = {}): RevisionPage {
  const pageSize = Math.min(Math.max(options.pageSize ?? 50, 1), 200);
  const total = db.select({ n: count() }).from(ficheRevision).where(eq(ficheRevision.ficheId, ficheId)).get()!.n;
  const pageCount = Math.ceil(total / pageSize);
  const page = Math.min(Math.max(Math.trunc(options.page ?? 1), 1), Math.max(pageCount, 1));
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
    })
    .from(ficheRevision)
    .leftJoin(restoredFrom, eq(restoredFrom.id, ficheRevision.restoredFromId))
    .where(eq(ficheRevision.ficheId, ficheId))
    .orderBy(desc(ficheRevision.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const first = total - (page - 1) * pageSize;
  return { items: withAuthors(db, rows).map((r, i) => ({ ...r, number: first - i })), total, page, pageSize, pageCount };
}

/** The number of a revision in its fiche's history: 1 for the first one. */
export function getRevisionNumber(db: Db, ficheId: number, id: number): number {
  return db.select({ n: count() }).from(ficheRevision).where(and(eq(ficheRevision.ficheId, ficheId), lte(ficheRevision.id, id))).get()!.n;
}

/** A revision with its authors' names and the date of the revision it restored, if any. */
export function getRevisionSummary(db: Db, id: number): RevisionSummary | null {
  const row = db
    .select({
      id: ficheRevision.id,
      ficheId: ficheRevision.ficheId,
      createdAt: ficheRevision.createdAt,
      titre: ficheRevision.titre,
      reason: ficheRevision.reason,
      restoredFromId: ficheRevision.restoredFromId,
      restoredFromCreatedAt: restoredFrom.createdAt,
      authorIds: ficheRevision.authorIds,
    })
    .from(ficheRevision)
    .leftJoin(restoredFrom, eq(restoredFrom.id, ficheRevision.restoredFromId))
    .where(eq(ficheRevision.id, id))
    .get();
  return row ? withAuthors(db, [row])[0] : null;
}

/**
 * The people who worked on a fiche: the authors of its revisions and the senders of the updates
 * still in its log (not yet in a revision), each with their latest contribution, most recent first.
 */
export function listFicheContributors(db: Db, ficheId: number): Contributor[] {
  const rows = db.all<{ id: number; name: string; last: number }>(sql`
    select u.id as id, u.name as name, max(c.at) as last
    from (
      select cast(j.value as integer) as user_id, r.created_at as at
        from fiche_revision r, json_each(r.author_ids) j
        where r.fiche_id = ${ficheId}
      union all
      select l.user_id, l.created_at from fiche_update l where l.fiche_id = ${ficheId} and l.user_id is not null
    ) c
    inner join "user" u on u.id = c.user_id
    group by u.id
    order by last desc, u.name asc`);
  return rows.map((r) => ({ id: r.id, name: r.name, lastContributionAt: new Date(r.last) }));
}

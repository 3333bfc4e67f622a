import { and, asc, eq, inArray, isNotNull, lt, min } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { ficheRevision } from "@/db/schema";
import { PARIS_TIME_ZONE } from "@/lib/lieu/paris-time";

const DAY_MS = 24 * 3600_000;
// Deleting by chunks stays under SQLite's limit on bound parameters, even on a first prune of years of history.
const DELETE_CHUNK = 500;

const parisDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: PARIS_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day in Paris of an instant, as "YYYY-MM-DD": the wiki's people count days there. */
export function parisDayOf(date: Date): string {
  return parisDayFormat.format(date);
}

/**
 * How many days every revision of a fiche is kept before thinning to one a day:
 * REVISION_RETENTION_DAYS, 30 by default.
 */
export function revisionRetentionDays(): number {
  const raw = process.env.REVISION_RETENTION_DAYS?.trim();
  if (!raw) return 30;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 36_500) {
    throw new Error(`REVISION_RETENTION_DAYS must be a whole number of days between 1 and 36500; got "${raw}"`);
  }
  return value;
}

/**
 * Thins a fiche's revisions older than the retention period to the last one of each day (in Paris),
 * always keeping its first revision and every revision a restoration names. The authors of a
 * dropped revision are credited on the next one kept, so the fiche's contributors stay complete.
 * Returns how many revisions were deleted.
 */
export function pruneRevisions(db: Db | Tx, ficheId: number, now: Date = new Date()): number {
  const cutoff = new Date(now.getTime() - revisionRetentionDays() * DAY_MS);
  const old = db
    .select({ id: ficheRevision.id, createdAt: ficheRevision.createdAt, authorIds: ficheRevision.authorIds })
    .from(ficheRevision)
    .where(and(eq(ficheRevision.ficheId, ficheId), lt(ficheRevision.createdAt, cutoff)))
    .orderBy(asc(ficheRevision.id))
    .all();
  if (old.length < 2) return 0;

  const kept = new Set<number>();
  const first = db.select({ id: min(ficheRevision.id) }).from(ficheRevision).where(eq(ficheRevision.ficheId, ficheId)).get()?.id;
  if (first != null) kept.add(first);
  const restored = db
    .select({ id: ficheRevision.restoredFromId })
    .from(ficheRevision)
    .where(and(eq(ficheRevision.ficheId, ficheId), isNotNull(ficheRevision.restoredFromId)))
    .all();
  for (const r of restored) kept.add(r.id!);
  const lastOfDay = new Map<string, number>();
  for (const r of old) lastOfDay.set(parisDayOf(r.createdAt), r.id);
  for (const id of lastOfDay.values()) kept.add(id);

  const dropped: number[] = [];
  let pendingAuthors: number[] = [];
  for (const r of old) {
    if (!kept.has(r.id)) {
      dropped.push(r.id);
      pendingAuthors.push(...r.authorIds);
      continue;
    }
    if (pendingAuthors.length === 0) continue;
    // The last revision of the day is always kept, so every dropped one has a kept successor here.
    const authorIds = [...new Set([...r.authorIds, ...pendingAuthors])].sort((a, b) => a - b);
    db.update(ficheRevision).set({ authorIds }).where(eq(ficheRevision.id, r.id)).run();
    pendingAuthors = [];
  }
  for (let i = 0; i < dropped.length; i += DELETE_CHUNK) {
    db.delete(ficheRevision).where(inArray(ficheRevision.id, dropped.slice(i, i + DELETE_CHUNK))).run();
  }
  return dropped.length;
}

import { fiche } from "@/db/schema";
import type { Db } from "@/db/client";
import { getSetting, setSetting } from "../setting";
import type { ProjectionService } from "./service";

/**
 * Which version of what projectFiche derives from a document the stored rows hold. Raise it when a
 * projection starts deriving something new (2: ébauche and suggested themes; 3: excerpts whose
 * sections no longer run together): documents already stored hold it, and the server's start
 * queues every fiche once to derive it.
 */
export const PROJECTION_LAYOUT = 3;

/** Records that every fiche's rows were derived by this layout: after a first start's seed, for one. */
export function recordProjectionLayout(db: Db): void {
  setSetting(db, "projection.layout", String(PROJECTION_LAYOUT));
}

/** Queues the projection of every fiche; resolves once all are done, with how many. */
export function reprojectEveryFiche(db: Db, projections: ProjectionService): { count: number; done: Promise<unknown> } {
  const ids = db.select({ id: fiche.id }).from(fiche).all().map((row) => row.id);
  return { count: ids.length, done: Promise.all(ids.map((id) => projections.projectFiche(id))) };
}

/** Queues every fiche's projection when the rows were derived by an older layout; returns how many. */
export function reprojectIfLayoutChanged(db: Db, projections: ProjectionService): number {
  if (Number(getSetting(db, "projection.layout") ?? 1) >= PROJECTION_LAYOUT) return 0;
  const { count, done } = reprojectEveryFiche(db, projections);
  void done.then(() => recordProjectionLayout(db));
  return count;
}

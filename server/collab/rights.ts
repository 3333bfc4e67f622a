import { readTogether, type Db } from "@/db/client";
import { getViewerById } from "@/db/queries/viewer";
import { getFicheAccessFacts } from "@/db/queries/fiche-access";
import type { Viewer } from "@/lib/policies/viewer";
import { canEditFiche, canManageFiche, canReadFiche, type FicheAccessFacts } from "@/lib/policies/fiche";
import { refusals } from "./limits";
import type { FicheRoom } from "./room";
import { errorMessage, type CollabLogger } from "./log";

/** Rooms re-checked per event-loop turn: a full pass over hundreds of fiches must not stall the broadcasts. */
const ROOMS_PER_TURN = 10;

/**
 * Re-checks every loaded fiche's connections every `intervalMs`, a few rooms per event-loop turn.
 * Returns a function that stops it.
 */
export function startRightsChecks(rooms: () => readonly FicheRoom[], db: Db, logger: CollabLogger, intervalMs: number): () => void {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const pass = () => {
    const pending = rooms().filter((room) => room.members.size > 0);
    const viewers = new Map<number, Viewer | null>();
    const next = () => {
      if (stopped) return;
      recheckRights(pending.splice(0, ROOMS_PER_TURN).filter((room) => room.live), db, logger, viewers);
      if (pending.length > 0) setImmediate(next);
      else schedule();
    };
    next();
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(pass, intervalMs);
    timer.unref();
  };
  schedule();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}

/**
 * Re-applies the fiche policies to every open connection: a lock, a role or membership change, a
 * disabled account or a fiche turned back into a draft takes effect without a reconnect.
 * Two queries per fiche and per user of the pass (`viewers` caches users), whatever the number of
 * connections, read together; connections are changed only once everything is read.
 */
export function recheckRights(
  rooms: readonly FicheRoom[],
  db: Db,
  logger: CollabLogger,
  viewers: Map<number, Viewer | null> = new Map(),
): void {
  const occupied = rooms.filter((room) => room.members.size > 0);
  let facts: Map<number, FicheAccessFacts | null>;
  try {
    facts = readTogether(db, () => readAccess(db, occupied, viewers));
  } catch (error) {
    logger.error(`fiches ${occupied.map((room) => room.ficheId).join(", ")}: could not re-check rights: ${errorMessage(error)}`, error);
    return;
  }
  for (const room of occupied) {
    try {
      applyRights(room, facts.get(room.ficheId) ?? null, viewers);
    } catch (error) {
      logger.error(`fiche ${room.ficheId}: could not re-check rights: ${errorMessage(error)}`, error);
    }
  }
}

function applyRights(room: FicheRoom, access: FicheAccessFacts | null, viewers: ReadonlyMap<number, Viewer | null>): void {
  for (const member of [...room.members]) {
    if (!access) {
      member.refuse(refusals.ficheDeleted());
      continue;
    }
    const viewer = member.userId === null ? null : (viewers.get(member.userId) ?? null);
    if (member.userId !== null && !viewer) {
      member.refuse(refusals.accountDisabled());
      continue;
    }
    if (!canReadFiche(viewer, access)) {
      member.refuse(refusals.cannotRead(), { detail: `statut ${access.statut}` });
      continue;
    }
    member.setRights(canEditFiche(viewer, access), canManageFiche(viewer, access));
  }
}

/** The access facts of each room's fiche (null: deleted), and the viewers of its members not read yet. */
function readAccess(db: Db, rooms: readonly FicheRoom[], viewers: Map<number, Viewer | null>): Map<number, FicheAccessFacts | null> {
  const facts = new Map<number, FicheAccessFacts | null>();
  for (const room of rooms) {
    facts.set(room.ficheId, getFicheAccessFacts(db, room.ficheId));
    for (const member of room.members) {
      if (member.userId !== null && !viewers.has(member.userId)) viewers.set(member.userId, getViewerById(db, member.userId));
    }
  }
  return facts;
}

import type { Db } from "@/db/client";
import { getActorById } from "@/db/queries/actor";
import { getFicheAccessFacts } from "@/db/queries/fiche-access";
import type { Actor } from "@/lib/policies/actor";
import { canEditFiche, canReadFiche } from "@/lib/policies/fiche";
import { refusals } from "./limits";
import type { FicheRoom } from "./room";
import { errorMessage, type CollabLogger } from "./log";

/**
 * Re-applies the fiche policies to every open connection: a lock, a role or membership change, a
 * disabled account or a fiche turned back into a draft takes effect without a reconnect.
 * One query per fiche and per user, whatever the number of connections.
 */
export function recheckRights(rooms: readonly FicheRoom[], db: Db, logger: CollabLogger): void {
  const actors = new Map<number, Actor | null>();
  for (const room of rooms) {
    if (room.members.size === 0) continue;
    try {
      const facts = getFicheAccessFacts(db, room.ficheId);
      for (const member of [...room.members]) {
        if (!facts) {
          member.refuse(refusals.ficheDeleted());
          continue;
        }
        let actor: Actor | null = null;
        if (member.userId !== null) {
          if (!actors.has(member.userId)) actors.set(member.userId, getActorById(db, member.userId));
          actor = actors.get(member.userId)!;
          if (!actor) {
            member.refuse(refusals.accountDisabled());
            continue;
          }
        }
        if (!canReadFiche(actor, facts)) {
          member.refuse(refusals.cannotRead(), `statut ${facts.statut}`);
          continue;
        }
        member.setCanEdit(canEditFiche(actor, facts));
      }
    } catch (error) {
      logger.error(`fiche ${room.ficheId}: could not re-check rights: ${errorMessage(error)}`, error);
    }
  }
}

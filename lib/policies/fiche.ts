import type { FicheStatut } from "@/db/schema";
import { isModerator, type Actor } from "./actor";

/** What the fiche policies need to know of a fiche. */
export type FicheAccessFacts = {
  statut: FicheStatut;
  verrouillee: boolean;
  createdBy: number | null;
  porteurIds: number[];
  /**
   * Hidden by a moderator: readable by moderators only. Optional only for callers that check it
   * before the policy; every query of db/queries sets it.
   */
  masquee?: boolean;
};

function isPorteurMember(actor: Actor, fiche: FicheAccessFacts): boolean {
  return fiche.porteurIds.some((id) => actor.acteurIds.includes(id));
}

/** Drafts are visible only to their author, the porteurs' members and moderators; hidden fiches only to moderators. */
export function canReadFiche(actor: Actor | null, fiche: FicheAccessFacts): boolean {
  if (fiche.masquee) return isModerator(actor);
  if (fiche.statut !== "brouillon") return true;
  if (!actor) return false;
  return isModerator(actor) || fiche.createdBy === actor.id || isPorteurMember(actor, fiche);
}

/**
 * Any contributor edits an unlocked fiche they can read; a locked (verrouillée) fiche only by its
 * porteurs' members and moderators. An archived fiche is frozen except for moderators.
 */
export function canEditFiche(actor: Actor | null, fiche: FicheAccessFacts): boolean {
  if (!actor || !canReadFiche(actor, fiche)) return false;
  if (isModerator(actor)) return true;
  if (fiche.statut === "archivee") return false;
  if (fiche.verrouillee) return isPorteurMember(actor, fiche);
  return true;
}

/** Publishing, locking and archiving: the porteurs' members, the author of a draft, and moderators. */
export function canManageFiche(actor: Actor | null, fiche: FicheAccessFacts): boolean {
  if (!actor) return false;
  if (isModerator(actor)) return true;
  if (isPorteurMember(actor, fiche)) return true;
  return fiche.statut === "brouillon" && fiche.createdBy === actor.id;
}

export function canCreateFiche(actor: Actor | null): boolean {
  return actor !== null;
}

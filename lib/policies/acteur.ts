import { isModerator, type Actor } from "./actor";

export function canCreateActeur(actor: Actor | null): boolean {
  return actor !== null;
}

/** Members of an acteur and moderators edit it, its lieux and its members. */
export function canEditActeur(actor: Actor | null, acteurId: number): boolean {
  if (!actor) return false;
  return isModerator(actor) || actor.acteurIds.includes(acteurId);
}

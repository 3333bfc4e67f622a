import { isModerator, type Viewer } from "./viewer";

export function canCreateActeur(viewer: Viewer | null): boolean {
  return viewer !== null;
}

/** Members of an acteur and moderators edit it, its lieux and its members. */
export function canEditActeur(viewer: Viewer | null, acteurId: number): boolean {
  if (!viewer) return false;
  return isModerator(viewer) || viewer.acteurIds.includes(acteurId);
}

/**
 * A signed-in person who is not a member may ask to manage an acteur that has no members; once
 * it has some, they are the ones to ask.
 */
export function canClaimActeur(viewer: Viewer | null, acteur: { id: number; memberCount: number }): boolean {
  if (!viewer) return false;
  return acteur.memberCount === 0 && !viewer.acteurIds.includes(acteur.id);
}

/** Moderators accept or refuse requests to manage an acteur. */
export function canDecideActeurClaim(viewer: Viewer | null): boolean {
  return isModerator(viewer);
}

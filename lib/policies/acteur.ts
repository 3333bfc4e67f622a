import { isModerator, type Viewer } from "./viewer";

export function canCreateActeur(viewer: Viewer | null): boolean {
  return viewer !== null;
}

/** Members of an acteur and moderators edit it, its lieux and its members. */
export function canEditActeur(viewer: Viewer | null, acteurId: number): boolean {
  if (!viewer) return false;
  return isModerator(viewer) || viewer.acteurIds.includes(acteurId);
}

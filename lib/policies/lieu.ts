import { isModerator, type Viewer } from "./viewer";

/** Importing a lieux file creates acteurs and rewrites lieux of any acteur: moderators and admins only. */
export function canImportLieux(viewer: Viewer | null): boolean {
  return isModerator(viewer);
}

import { isModerator, type Viewer } from "./viewer";

/** Importing a document publishes its fiches at once and fills the directory: moderators and admins only. */
export function canImportFiches(viewer: Viewer | null): boolean {
  return isModerator(viewer);
}

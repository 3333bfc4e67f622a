import { isAdmin, type Viewer } from "./viewer";

/** The licence binds every contributor's content: only admins choose it. */
export function canChooseLicence(viewer: Viewer | null): boolean {
  return isAdmin(viewer);
}

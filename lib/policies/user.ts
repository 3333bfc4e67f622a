import { isAdmin, type Viewer } from "./viewer";

/** Users, roles, accounts and taxonomies are managed by admins only. */
export function canManageUsers(viewer: Viewer | null): boolean {
  return isAdmin(viewer);
}

export function canEditTaxonomies(viewer: Viewer | null): boolean {
  return isAdmin(viewer);
}

import { isAdmin, type Actor } from "./actor";

/** Users, roles, accounts and taxonomies are managed by admins only. */
export function canManageUsers(actor: Actor | null): boolean {
  return isAdmin(actor);
}

export function canEditTaxonomies(actor: Actor | null): boolean {
  return isAdmin(actor);
}

import { isModerator, type Actor } from "./actor";

/** Importing a lieux file creates acteurs and rewrites lieux of any acteur: moderators and admins only. */
export function canImportLieux(actor: Actor | null): boolean {
  return isModerator(actor);
}

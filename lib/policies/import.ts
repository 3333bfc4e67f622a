import { isModerator, type Actor } from "./actor";

/** Importing a document publishes its fiches at once and fills the directory: moderators and admins only. */
export function canImportFiches(actor: Actor | null): boolean {
  return isModerator(actor);
}

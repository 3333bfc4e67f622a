import { isAdmin, type Actor } from "./actor";

/** The licence binds every contributor's content: only admins choose it. */
export function canChooseLicence(actor: Actor | null): boolean {
  return isAdmin(actor);
}

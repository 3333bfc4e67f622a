import { redirect } from "next/navigation";
import type { Actor } from "@/lib/policies/actor";
import { getCurrentActor } from "@/server/session";

/**
 * The person allowed to see an admin page, or null when signed in without the right (the page then
 * renders <AdminOnly />). A visitor is sent to sign in and brought back to `path`.
 */
export async function getAdminActor(path: string, allow: (actor: Actor) => boolean): Promise<Actor | null> {
  const actor = await getCurrentActor();
  if (!actor) redirect(`/connexion?callbackUrl=${encodeURIComponent(path)}`);
  return allow(actor) ? actor : null;
}

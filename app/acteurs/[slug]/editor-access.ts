import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActeurBySlug, type ActeurDetails } from "@/db/queries/acteur";
import { canEditActeur } from "@/lib/policies/acteur";
import type { Actor } from "@/lib/policies/actor";
import { getCurrentActor } from "@/server/session";

export type EditorAccess = { acteur: ActeurDetails; actor: Actor; allowed: boolean };

/**
 * Loads an acteur for one of its editing pages: 404 when it does not exist, sign-in for visitors,
 * and whether this person may edit it (members and moderators), for the page to refuse otherwise.
 */
export async function getEditorAccess(slug: string, path: string): Promise<EditorAccess> {
  const acteur = getActeurBySlug(getDb(), slug);
  if (!acteur) notFound();
  const actor = await getCurrentActor();
  if (!actor) redirect(`/connexion?callbackUrl=${encodeURIComponent(path)}`);
  return { acteur, actor, allowed: canEditActeur(actor, acteur.id) };
}

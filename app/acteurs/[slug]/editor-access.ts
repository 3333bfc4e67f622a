import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActeurBySlug, type ActeurDetails } from "@/db/queries/acteur";
import { canEditActeur } from "@/lib/policies/acteur";
import type { Viewer } from "@/lib/policies/viewer";
import { getCurrentViewer } from "@/server/session";
import { signInHref } from "@/lib/auth/return-path";

export type EditorAccess = { acteur: ActeurDetails; viewer: Viewer; allowed: boolean };

/**
 * Loads an acteur for one of its editing pages: 404 when it does not exist, sign-in for visitors,
 * and whether this person may edit it (members and moderators), for the page to refuse otherwise.
 */
export async function getEditorAccess(slug: string, path: string): Promise<EditorAccess> {
  const acteur = getActeurBySlug(getDb(), slug);
  if (!acteur) notFound();
  const viewer = await getCurrentViewer();
  if (!viewer) redirect(signInHref(path));
  return { acteur, viewer, allowed: canEditActeur(viewer, acteur.id) };
}

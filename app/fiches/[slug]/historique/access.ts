import { cache } from "react";
import { getDb } from "@/db/client";
import { getFicheBySlug } from "@/db/queries/fiche";
import { canReadFiche } from "@/lib/policies/fiche";
import { getCurrentViewer } from "@/server/session";

/**
 * The fiche whose history a page shows, under the fiche page's read policy: a draft only for those
 * who may read it, a fiche hidden by a moderator only for moderators. Null otherwise, so that the
 * page answers "not found" and discloses nothing.
 */
export const readableFicheForHistory = cache(async (slug: string) => {
  const fiche = getFicheBySlug(getDb(), slug);
  const viewer = await getCurrentViewer();
  if (!fiche || !canReadFiche(viewer, fiche.access)) return null;
  return { fiche, viewer };
});

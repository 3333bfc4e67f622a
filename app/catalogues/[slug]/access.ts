import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { getCatalogueBySlug, type CatalogueDetail } from "@/db/queries/catalogue";
import type { Viewer } from "@/lib/policies/viewer";
import { canEditCatalogue, canReadCatalogue } from "@/lib/policies/catalogue";
import { getCurrentViewer } from "@/server/session";
import { signInHref } from "@/lib/auth/return-path";

/**
 * A catalogue for a page that shows it: 404 when it does not exist or the viewer may not read it
 * (a draft's existence is not disclosed). `content` adds the fiches' bodies.
 */
// Cached per request: a page and its metadata read the same catalogue.
export const getReadableCatalogue = cache(async (slug: string, content = false): Promise<{ catalogue: CatalogueDetail; viewer: Viewer | null }> => {
  const viewer = await getCurrentViewer();
  const catalogue = getCatalogueBySlug(getDb(), slug, viewer, { content });
  if (!catalogue || !canReadCatalogue(viewer, catalogue.access)) notFound();
  return { catalogue, viewer };
});

/** A catalogue for its edit page: 404 when unknown, sign-in for visitors, and whether this person may edit it. */
export async function getEditorAccess(slug: string): Promise<{ catalogue: CatalogueDetail; viewer: Viewer; allowed: boolean }> {
  const viewer = await getCurrentViewer();
  if (!viewer) redirect(signInHref(`/catalogues/${slug}/modifier`));
  const catalogue = getCatalogueBySlug(getDb(), slug, viewer);
  // A draft one may not read stays unknown; a public one shows why it cannot be edited.
  if (!catalogue || !canReadCatalogue(viewer, catalogue.access)) notFound();
  return { catalogue, viewer, allowed: canEditCatalogue(viewer, catalogue.access) };
}

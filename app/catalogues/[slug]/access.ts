import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { getCatalogueAccessFacts, getCatalogueBySlug, type CatalogueDetail } from "@/db/queries/catalogue";
import type { Actor } from "@/lib/policies/actor";
import { canEditCatalogue, canReadCatalogue } from "@/lib/policies/catalogue";
import { getCurrentActor } from "@/server/session";

/**
 * The policy check of every catalogue action, against the catalogue as stored now (its id comes
 * back from the browser). A catalogue deleted meanwhile lets a signed-in person through, so that
 * the domain call answers "ce catalogue n'existe plus" rather than a misleading refusal.
 */
export function mayEditCatalogue(actor: Actor | null, catalogueId: number): boolean {
  const facts = getCatalogueAccessFacts(getDb(), catalogueId);
  return facts === null ? actor !== null : canEditCatalogue(actor, facts);
}

/**
 * A catalogue for a page that shows it: 404 when it does not exist or the viewer may not read it
 * (a draft's existence is not disclosed). `content` adds the fiches' bodies.
 */
// Cached per request: a page and its metadata read the same catalogue.
export const getReadableCatalogue = cache(async (slug: string, content = false): Promise<{ catalogue: CatalogueDetail; actor: Actor | null }> => {
  const actor = await getCurrentActor();
  const catalogue = getCatalogueBySlug(getDb(), slug, actor, { content });
  if (!catalogue || !canReadCatalogue(actor, catalogue.access)) notFound();
  return { catalogue, actor };
});

/** A catalogue for its edit page: 404 when unknown, sign-in for visitors, and whether this person may edit it. */
export async function getEditorAccess(slug: string): Promise<{ catalogue: CatalogueDetail; actor: Actor; allowed: boolean }> {
  const actor = await getCurrentActor();
  if (!actor) redirect(`/connexion?callbackUrl=${encodeURIComponent(`/catalogues/${slug}/modifier`)}`);
  const catalogue = getCatalogueBySlug(getDb(), slug, actor);
  // A draft one may not read stays unknown; a public one shows why it cannot be edited.
  if (!catalogue || !canReadCatalogue(actor, catalogue.access)) notFound();
  return { catalogue, actor, allowed: canEditCatalogue(actor, catalogue.access) };
}

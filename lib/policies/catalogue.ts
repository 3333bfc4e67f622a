import type { CatalogueStatut } from "@/lib/catalogue/values";
import { isModerator, type Viewer } from "./viewer";

/** What the catalogue policies need to know of a catalogue. */
export type CatalogueAccessFacts = {
  statut: CatalogueStatut;
  ownerIds: number[];
};

function isOwner(viewer: Viewer, catalogue: CatalogueAccessFacts): boolean {
  return catalogue.ownerIds.includes(viewer.id);
}

/** Any signed-in contributor builds catalogues. */
export function canCreateCatalogue(viewer: Viewer | null): boolean {
  return viewer !== null;
}

/** Public catalogues are for everyone; a draft only for its owners and moderators. */
export function canReadCatalogue(viewer: Viewer | null, catalogue: CatalogueAccessFacts): boolean {
  if (catalogue.statut === "public") return true;
  if (!viewer) return false;
  return isModerator(viewer) || isOwner(viewer, catalogue);
}

/** Editing, publishing, managing co-owners and deleting: the owners (co-owners included) and moderators. */
export function canEditCatalogue(viewer: Viewer | null, catalogue: CatalogueAccessFacts): boolean {
  if (!viewer) return false;
  return isModerator(viewer) || isOwner(viewer, catalogue);
}

/** "Dupliquer pour l'adapter": any signed-in person, on a catalogue they can read. */
export function canDuplicateCatalogue(viewer: Viewer | null, catalogue: CatalogueAccessFacts): boolean {
  return viewer !== null && canReadCatalogue(viewer, catalogue);
}

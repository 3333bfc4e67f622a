import type { CatalogueStatut } from "@/db/schema";
import { isModerator, type Actor } from "./actor";

/** What the catalogue policies need to know of a catalogue. */
export type CatalogueAccessFacts = {
  statut: CatalogueStatut;
  ownerIds: number[];
};

function isOwner(actor: Actor, catalogue: CatalogueAccessFacts): boolean {
  return catalogue.ownerIds.includes(actor.id);
}

/** Any signed-in contributor builds catalogues. */
export function canCreateCatalogue(actor: Actor | null): boolean {
  return actor !== null;
}

/** Public catalogues are for everyone; a draft only for its owners and moderators. */
export function canReadCatalogue(actor: Actor | null, catalogue: CatalogueAccessFacts): boolean {
  if (catalogue.statut === "public") return true;
  if (!actor) return false;
  return isModerator(actor) || isOwner(actor, catalogue);
}

/** Editing, publishing, managing co-owners and deleting: the owners (co-owners included) and moderators. */
export function canEditCatalogue(actor: Actor | null, catalogue: CatalogueAccessFacts): boolean {
  if (!actor) return false;
  return isModerator(actor) || isOwner(actor, catalogue);
}

/** "Dupliquer pour l'adapter": any signed-in person, on a catalogue they can read. */
export function canDuplicateCatalogue(actor: Actor | null, catalogue: CatalogueAccessFacts): boolean {
  return actor !== null && canReadCatalogue(actor, catalogue);
}

import { describe, expect, it } from "vitest";
import type { Viewer } from "./viewer";
import { canCreateCatalogue, canDuplicateCatalogue, canEditCatalogue, canReadCatalogue, type CatalogueAccessFacts } from "./catalogue";

const owner: Viewer = { id: 1, name: "Alice", role: "contributeur", acteurIds: [] };
const coOwner: Viewer = { id: 2, name: "Bob", role: "contributeur", acteurIds: [] };
const stranger: Viewer = { id: 3, name: "Chloé", role: "contributeur", acteurIds: [7] };
const moderateur: Viewer = { id: 4, name: "Mo", role: "moderateur", acteurIds: [] };
const admin: Viewer = { id: 5, name: "Ada", role: "admin", acteurIds: [] };
const draft: CatalogueAccessFacts = { statut: "brouillon", ownerIds: [1, 2] };
const published: CatalogueAccessFacts = { statut: "public", ownerIds: [1, 2] };

describe("catalogue policies", () => {
  it("let any signed-in person create a catalogue, not a visitor", () => {
    expect(canCreateCatalogue(null)).toBe(false);
    expect(canCreateCatalogue(stranger)).toBe(true);
  });

  it("show a public catalogue to everyone and a draft to its owners and moderators only", () => {
    for (const who of [null, owner, stranger, moderateur]) expect(canReadCatalogue(who, published)).toBe(true);
    expect(canReadCatalogue(null, draft)).toBe(false);
    expect(canReadCatalogue(stranger, draft)).toBe(false);
    expect(canReadCatalogue(owner, draft)).toBe(true);
    expect(canReadCatalogue(coOwner, draft)).toBe(true);
    expect(canReadCatalogue(moderateur, draft)).toBe(true);
    expect(canReadCatalogue(admin, draft)).toBe(true);
  });

  it("let owners, co-owners and moderators edit, whatever the statut, and nobody else", () => {
    for (const facts of [draft, published]) {
      expect(canEditCatalogue(null, facts)).toBe(false);
      expect(canEditCatalogue(stranger, facts)).toBe(false);
      expect(canEditCatalogue(owner, facts)).toBe(true);
      expect(canEditCatalogue(coOwner, facts)).toBe(true);
      expect(canEditCatalogue(moderateur, facts)).toBe(true);
    }
  });

  it("let a signed-in person duplicate what they can read", () => {
    expect(canDuplicateCatalogue(null, published)).toBe(false);
    expect(canDuplicateCatalogue(stranger, published)).toBe(true);
    expect(canDuplicateCatalogue(stranger, draft)).toBe(false);
    expect(canDuplicateCatalogue(coOwner, draft)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import type { Viewer } from "./viewer";
import { canEditFiche, canManageFiche, canReadFiche, type FicheAccessFacts } from "./fiche";

const contributeur: Viewer = { id: 1, name: "Alice", role: "contributeur", acteurIds: [] };
const membre: Viewer = { id: 2, name: "Bob", role: "contributeur", acteurIds: [10] };
const moderateur: Viewer = { id: 3, name: "Mo", role: "moderateur", acteurIds: [] };
const publiee: FicheAccessFacts = { statut: "publiee", verrouillee: false, createdBy: 9, porteurIds: [10], masquee: false };

describe("fiche policies", () => {
  it("lets anyone read a published fiche and any contributor edit it", () => {
    expect(canReadFiche(null, publiee)).toBe(true);
    expect(canEditFiche(null, publiee)).toBe(false);
    expect(canEditFiche(contributeur, publiee)).toBe(true);
  });

  it("restricts a locked fiche to the porteurs' members and moderators", () => {
    const locked = { ...publiee, verrouillee: true };
    expect(canEditFiche(contributeur, locked)).toBe(false);
    expect(canEditFiche(membre, locked)).toBe(true);
    expect(canEditFiche(moderateur, locked)).toBe(true);
  });

  it("hides a draft from everyone but its author, porteurs' members and moderators", () => {
    const draft = { ...publiee, statut: "brouillon" as const, createdBy: 1, porteurIds: [10] };
    expect(canReadFiche(null, draft)).toBe(false);
    expect(canReadFiche({ ...contributeur, id: 4 }, draft)).toBe(false);
    expect(canReadFiche(contributeur, draft)).toBe(true);
    expect(canReadFiche(membre, draft)).toBe(true);
    expect(canReadFiche(moderateur, draft)).toBe(true);
  });

  it("shows a hidden fiche to moderators only, its author and porteurs' members included", () => {
    const hidden = { ...publiee, masquee: true, createdBy: 1 };
    expect(canReadFiche(null, hidden)).toBe(false);
    expect(canReadFiche(contributeur, hidden)).toBe(false);
    expect(canReadFiche(membre, hidden)).toBe(false);
    expect(canEditFiche(membre, hidden)).toBe(false);
    expect(canReadFiche(moderateur, hidden)).toBe(true);
    expect(canEditFiche(moderateur, hidden)).toBe(true);
  });

  it("freezes an archived fiche except for moderators", () => {
    const archived = { ...publiee, statut: "archivee" as const };
    expect(canEditFiche(membre, archived)).toBe(false);
    expect(canEditFiche(moderateur, archived)).toBe(true);
    expect(canManageFiche(contributeur, publiee)).toBe(false);
    expect(canManageFiche(membre, publiee)).toBe(true);
  });
});

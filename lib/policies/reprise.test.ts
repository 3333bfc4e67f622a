import { describe, expect, it } from "vitest";
import { canDeclareReprise, canWithdrawReprise, isRepriseOpen } from "./reprise";
import type { Viewer } from "./viewer";

const member: Viewer = { id: 1, name: "Membre", role: "contributeur", acteurIds: [10] };
const moderator: Viewer = { id: 2, name: "Modératrice", role: "moderateur", acteurIds: [] };
const pratique = { type: "pratique" as const, statut: "publiee" as const, masquee: false };

describe("reprise policy", () => {
  it("lets members of the acteur and moderators declare, nobody else", () => {
    expect(canDeclareReprise(member, 10, pratique)).toBe(true);
    expect(canDeclareReprise(member, 11, pratique)).toBe(false);
    expect(canDeclareReprise(null, 10, pratique)).toBe(false);
    expect(canDeclareReprise(moderator, 11, pratique)).toBe(true);
  });

  it("opens published pratiques and fiches pratiques only", () => {
    expect(isRepriseOpen({ ...pratique, type: "fiche_pratique" })).toBe(true);
    expect(isRepriseOpen({ ...pratique, type: "idee" })).toBe(false);
    expect(isRepriseOpen({ ...pratique, statut: "brouillon" })).toBe(false);
    expect(isRepriseOpen({ ...pratique, statut: "archivee" })).toBe(false);
    expect(isRepriseOpen({ ...pratique, masquee: true })).toBe(false);
    expect(canDeclareReprise(moderator, 10, { ...pratique, type: "idee" })).toBe(false);
  });

  it("lets members withdraw whatever the fiche became", () => {
    expect(canWithdrawReprise(member, 10)).toBe(true);
    expect(canWithdrawReprise(member, 11)).toBe(false);
    expect(canWithdrawReprise(null, 10)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import type { Viewer } from "./viewer";
import { canEditFiche, canReadFiche, type FicheAccessFacts } from "./fiche";
import { canModerate, canReportFiche } from "./moderation";

const contributeur: Viewer = { id: 1, name: "Alice", role: "contributeur", acteurIds: [10] };
const moderateur: Viewer = { id: 3, name: "Mo", role: "moderateur", acteurIds: [] };
const admin: Viewer = { id: 4, name: "Ad", role: "admin", acteurIds: [] };
const publiee: FicheAccessFacts = { statut: "publiee", verrouillee: false, createdBy: 1, porteurIds: [10], masquee: false };

describe("moderation policies", () => {
  it("let anyone signed in report a fiche they can read", () => {
    expect(canReportFiche(contributeur, publiee)).toBe(true);
    expect(canReportFiche(null, publiee)).toBe(false);
    expect(canReportFiche({ ...contributeur, id: 7, acteurIds: [] }, { ...publiee, statut: "brouillon" })).toBe(false);
  });

  it("give the queue to moderators and admins only", () => {
    expect([null, contributeur, moderateur, admin].map(canModerate)).toEqual([false, false, true, true]);
  });

  it("let only moderators read a hidden fiche, even its author and porteurs", () => {
    const hidden = { ...publiee, masquee: true };
    expect(canReadFiche(null, hidden)).toBe(false);
    expect(canReadFiche(contributeur, hidden)).toBe(false);
    expect(canEditFiche(contributeur, hidden)).toBe(false);
    expect(canReportFiche(contributeur, hidden)).toBe(false);
    expect(canReadFiche(moderateur, hidden)).toBe(true);
    expect(canEditFiche(moderateur, hidden)).toBe(true);
    expect(canReadFiche(contributeur, publiee)).toBe(true);
  });
});

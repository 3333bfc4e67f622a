import { describe, expect, it } from "vitest";
import { authorNames, byAuthors, formatRevisionDate, revisionReasonLabel } from "./labels";

describe("revision labels", () => {
  it("dates on the Paris clock", () => {
    // 13:05 UTC in March is 14:05 in Paris (winter time).
    expect(formatRevisionDate(new Date("2026-03-03T13:05:00Z"))).toBe("3 mars 2026 à 14:05");
  });

  it("names the version a restore brought back", () => {
    expect(revisionReasonLabel("pause", null)).toBe("Pause dans l'édition");
    expect(revisionReasonLabel("restauration", new Date("2026-07-14T08:30:00Z"))).toBe("Restauration de la version du 14 juillet 2026 à 10:30");
  });

  it("lists authors, with deleted accounts and unknown authors said so", () => {
    expect(authorNames([{ name: "Alice" }, { name: null }])).toBe("Alice, Compte supprimé");
    expect(authorNames([])).toBe("Non renseigné");
    expect(byAuthors([{ name: "Alice" }])).toBe("par Alice");
    expect(byAuthors([])).toBe("auteur non renseigné");
  });
});

import { describe, expect, it } from "vitest";
import { acteurBreaches, contentRuleBreaches, fieldTypeBreaches, lieuBreaches, lieuxOfActeurs } from "./content-rules";

// Lieu id → acteur id.
const owners = new Map([
  [100, 1],
  [101, 1],
  [200, 2],
]);

describe("fiche content rules", () => {
  it("refuses a field the type does not have, but lets it be cleared", () => {
    expect(fieldTypeBreaches("idee", { etat: "en_cours", commune: "Cenon", source: "" })).toEqual([
      { rule: "field_of_other_type", field: "etat", types: ["pratique"] },
    ]);
    expect(fieldTypeBreaches("fiche_pratique", { commune: null, lieux: [], objectif: 3, source: "Guide" })).toEqual([]);
    expect(fieldTypeBreaches("pratique", { objectif: 3 })).toMatchObject([{ field: "objectif" }]);
  });

  it("offers pressenti on idées only, and each acteur once", () => {
    expect(acteurBreaches("idee", [{ acteurId: 1, role: "pressenti" }])).toEqual([]);
    expect(
      acteurBreaches("pratique", [
        { acteurId: 1, role: "porteur" },
        { acteurId: 2, role: "pressenti" },
        { acteurId: 1, role: "partenaire" },
      ]),
    ).toMatchObject([
      { rule: "role_of_other_type", index: 1, role: "pressenti" },
      { rule: "acteur_twice", index: 2, acteurId: 1 },
    ]);
  });

  it("keeps a fiche's lieux to those of its acteurs", () => {
    expect(lieuBreaches([100, 200, 999], [1], owners)).toEqual([
      { rule: "lieu_of_absent_acteur", index: 1, lieuId: 200 },
      { rule: "unknown_lieu", index: 2, lieuId: 999 },
    ]);
    expect(lieuBreaches([100, 101, 200], [1, 2], owners)).toEqual([]);
    expect(lieuxOfActeurs([200, 100, 999, 101], [1], owners)).toEqual([100, 101]);
  });

  it("checks a whole content at once, as a socket client sends it", () => {
    const content = { type: "pratique" as const, acteurs: [{ acteurId: 2, role: "financeur" as const }], lieux: [200], etat: null };
    expect(contentRuleBreaches(content, owners)).toEqual([]);
    expect(contentRuleBreaches({ ...content, type: "idee", lieux: [100] }, owners).map((b) => b.rule)).toEqual(["field_of_other_type", "lieu_of_absent_acteur"]);
  });
});

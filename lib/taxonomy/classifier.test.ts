import { describe, expect, it } from "vitest";
import { TAXONOMY_SEED } from "@/db/taxonomies";
import { PUBLIC_RULES, THEME_RULES, suggestPublics, suggestThemes } from "./classifier";

describe("theme and public suggestions", () => {
  it("have exactly one rule per seeded theme and public", () => {
    expect(THEME_RULES.map((rule) => rule.slug).sort()).toEqual(TAXONOMY_SEED.theme.map((term) => term.slug).sort());
    expect(PUBLIC_RULES.map((rule) => rule.slug).sort()).toEqual(TAXONOMY_SEED.public.map((term) => term.slug).sort());
  });

  it("name the words that triggered them", () => {
    expect(suggestThemes(["Lutter contre la fracture numérique et l'isolement des aînés"])).toEqual([
      { slug: "e-inclusion", matched: ["fracture numerique"] },
      { slug: "lien-social", matched: ["isolement"] },
    ]);
    expect(suggestPublics("Demandeurs d'emploi et seniors")).toEqual([
      { slug: "seniors", matched: ["seniors"] },
      { slug: "demandeurs-emploi", matched: ["demandeurs d'emploi"] },
    ]);
  });

  it("stay quiet on words every fiche uses", () => {
    expect(suggestThemes(["Un projet numérique pour les citoyens du quartier"])).toEqual([]);
    expect(suggestPublics("Habitants")).toEqual([]);
    expect(suggestPublics(null)).toEqual([]);
  });

  it("read several publics in one cible", () => {
    expect(suggestPublics("Tous publics avec focus parents/ados").map((term) => term.slug)).toEqual(["jeunes", "familles", "tout-public"]);
    expect(suggestPublics("Gens du voyage/enseignants").map((term) => term.slug)).toEqual(["gens-du-voyage", "professionnels-aidants"]);
  });
});

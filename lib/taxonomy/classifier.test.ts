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

describe("phrases and exclusions", () => {
  it("match whole words only", () => {
    expect(suggestThemes(["Une médiation socio-culturelle et un travail d'acculturation"])).toEqual([]);
    expect(suggestThemes(["Une exposition culturelle"]).map((term) => term.slug)).toEqual(["culture"]);
  });

  it("cut an exclusion out of the text before matching, and only for its own term", () => {
    expect(suggestThemes(["Enfants numériques mode d'emploi"])).toEqual([]);
    expect(suggestThemes(["Un mode d'emploi pour l'emploi des jeunes"])).toEqual([{ slug: "emploi", matched: ["emploi"] }]);
    expect(suggestThemes(["Priorité aux publics fragiles (EHPAD, RPA, CHR...)"])).toEqual([]);
    expect(suggestThemes(["Télémédecine dans deux EHPAD"])).toEqual([{ slug: "sante", matched: ["telemedecine"] }]);
  });

  it("ignore what a fiche is modelled on", () => {
    expect(suggestThemes(["Un parcours numérique (sur le modèle des parcours de découverte culturelle)"])).toEqual([]);
  });

  it("read learning or access towards a digital object, a few words apart", () => {
    expect(suggestThemes(["Connecter tous les foyers à Internet"])).toEqual([{ slug: "e-inclusion", matched: ["connecter tous les foyers a internet"] }]);
    expect(suggestThemes(["Donner envie de se « mettre au numérique »"])).toEqual([{ slug: "e-inclusion", matched: ["envie de se mettre au numerique"] }]);
  });

  it("do not count young people trained as helpers as a young public", () => {
    expect(suggestPublics("Travailleurs sociaux, jeunes en service civique...").map((term) => term.slug)).toEqual(["professionnels-aidants"]);
  });
});

import { describe, expect, it } from "vitest";
import { allParams, firstParam, parseCarteFilters } from "./carte";

describe("parseCarteFilters", () => {
  it("keeps the known values of every filter", () => {
    expect(
      parseCarteFilters(
        { service: "Aide aux démarches administratives", public: "Surdité", theme: "sante", commune: " Bègles ", categorie: "public" },
        ["sante"],
      ),
    ).toEqual({
      filters: { service: "Aide aux démarches administratives", public: "Surdité", theme: "sante", commune: "Bègles", categorie: "public" },
      errors: {},
    });
  });

  it("drops each unknown value with a French message and keeps the others", () => {
    const { filters, errors } = parseCarteFilters({ service: "Réparer les vélos", public: "Martiens", theme: "inconnu", categorie: "secte", commune: "Bègles" }, ["sante"]);
    expect(filters).toEqual({ commune: "Bègles" });
    expect(errors).toEqual({
      service: ["« Réparer les vélos » ne fait pas partie de la liste nationale des services."],
      public: ["« Martiens » n'est pas un public de la liste nationale."],
      theme: ["Le thème « inconnu » n'existe pas (ou plus)."],
      categorie: ["« secte » n'est pas une catégorie d'acteur."],
    });
  });

  it("ignores blank filters, as an empty select sends them", () => {
    expect(parseCarteFilters({ service: "", public: " ", commune: "" }, [])).toEqual({ filters: {}, errors: {} });
  });
});

describe("query parameters", () => {
  it("reads the first value, or all the values of a repeated parameter", () => {
    expect(firstParam({ a: ["x", "y"] }, "a")).toBe("x");
    expect(firstParam({}, "a")).toBeUndefined();
    expect(allParams({ a: ["x", " ", "y "] }, "a")).toEqual(["x", "y"]);
    expect(allParams({ a: "x" }, "a")).toEqual(["x"]);
  });
});

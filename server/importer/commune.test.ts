import { describe, expect, it } from "vitest";
import { decideCommune, findCommunes, type CommuneInput } from "./commune";

const pratique = (fields: Partial<CommuneInput>): CommuneInput => ({ type: "pratique", titre: "", acteursRaw: null, cible: null, texte: [], ...fields });

describe("findCommunes", () => {
  it("folds accents, case, hyphens and a dropped article, in the order of the text", () => {
    expect(findCommunes("Centre social de la Teste de Buch, puis BEGLES et Saint Médard en Jalles")).toEqual([
      "La Teste-de-Buch",
      "Bègles",
      "Saint-Médard-en-Jalles",
    ]);
  });

  it("reads a neighbourhood of Bordeaux as Bordeaux, but not Bordeaux Métropole", () => {
    expect(findCommunes("habitants de Bacalan, notamment les jeunes")).toEqual(["Bordeaux"]);
    expect(findCommunes("Bordeaux Métropole et ses communes")).toEqual([]);
  });

  it("needs a capital, and a commune that is also a word only inside a sentence", () => {
    expect(findCommunes("des salles et des cars pour tous")).toEqual([]);
    expect(findCommunes("Salles équipées. Cars disponibles")).toEqual([]);
    expect(findCommunes("un atelier à Salles")).toEqual(["Salles"]);
  });

  it("ignores addresses", () => {
    expect(findCommunes("→ www.brest.fr/papis")).toEqual([]);
  });
});

describe("decideCommune", () => {
  it("prefers the title, then a municipality among the acteurs, over any other mention", () => {
    expect(decideCommune(pratique({ titre: "Les Papi's à Brest", acteursRaw: "Ville de Cenon" })).commune).toBe("Brest");
    const fablab = decideCommune(pratique({ acteursRaw: "IUT de Bordeaux, Région Aquitaine, Fondation Orange, EDF, Ville de Gradignan" }));
    expect(fablab).toEqual({
      commune: "Gradignan",
      source: "acteur_municipal",
      candidates: [
        { commune: "Gradignan", source: "acteur_municipal" },
        { commune: "Bordeaux", source: "acteur" },
      ],
    });
  });

  it("takes an acteur's commune only in the Gironde: a seat elsewhere is not where the action is", () => {
    expect(decideCommune(pratique({ acteursRaw: "CISS Aquitaine et Paris (Collectif Inter associatif sur la santé en Aquitaine), CCAS, ARS Aquitaine" }))).toEqual({
      commune: null,
      source: null,
      candidates: [],
    });
    expect(decideCommune(pratique({ acteursRaw: "Centre social de la Teste de Buch et CCAS" })).commune).toBe("La Teste-de-Buch");
  });

  it("falls back on the public, then the descriptif, but never reads an idée's text", () => {
    expect(decideCommune(pratique({ cible: "habitants de Bacalan", texte: ["à Mérignac"] }))).toMatchObject({ commune: "Bordeaux", source: "cible" });
    expect(decideCommune(pratique({ texte: ["Un atelier à Mérignac"] }))).toMatchObject({ commune: "Mérignac", source: "texte" });
    const idee = decideCommune({ ...pratique({ texte: ["sur le modèle du Pôle d'échange de la Buttinière à Cenon"] }), type: "idee" });
    expect(idee.commune).toBeNull();
  });
});

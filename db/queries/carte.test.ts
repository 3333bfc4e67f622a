import { describe, expect, it } from "vitest";
import { buildActeur, buildLieu } from "../factories";
import { getTestDb } from "../testing";
import { listLieuxWithActeur } from "./carte";

const db = getTestDb();
const asso = buildActeur({ nom: "Les Connectés", categorie: "non_lucratif", themes: ["service-public"], telephone: "05 56 00 00 00" });
const mairie = buildActeur({ nom: "Mairie annexe", categorie: "public", themes: ["emploi", "e-inclusion"] });
buildLieu(asso.id, {
  nom: "Permanence démarches",
  commune: "Bègles",
  latitude: 44.808,
  longitude: -0.548,
  services: ["Aide aux démarches administratives"],
  priseEnChargeSpecifique: ["Surdité"],
});
buildLieu(mairie.id, {
  nom: "Espace emploi",
  commune: "BEGLES",
  services: ["Insertion professionnelle via le numérique", "Aide aux démarches administratives"],
  publicsSpecifiquementAdresses: ["Jeunes"],
});
buildLieu(mairie.id, { nom: "Ateliers seniors", commune: "Émile-Ville", services: ["Maîtrise des outils numériques du quotidien"], publicsSpecifiquementAdresses: ["Seniors"] });

const names = (filters: Parameters<typeof listLieuxWithActeur>[1]) => listLieuxWithActeur(db, filters).map((l) => l.nom);

describe("listLieuxWithActeur", () => {
  it("lists every lieu with its acteur and the acteur's themes, by commune in French order", () => {
    const all = listLieuxWithActeur(db);
    // "BEGLES" and "Bègles" are one commune, sorted before "Émile-Ville" as a French reader expects.
    expect(all.map((l) => l.nom)).toEqual(["Espace emploi", "Permanence démarches", "Ateliers seniors"]);
    const first = all[1];
    expect(first.acteur).toEqual({
      id: asso.id,
      slug: asso.slug,
      nom: "Les Connectés",
      categorie: "non_lucratif",
      telephone: "05 56 00 00 00",
      courriel: null,
      siteWeb: null,
    });
    expect(first.themes.map((t) => t.slug)).toEqual(["service-public"]);
    expect(first.latitude).toBe(44.808);
    expect(all[0].themes.map((t) => t.slug).sort()).toEqual(["e-inclusion", "emploi"]);
  });

  it("filters by a service of the national list, in any position of the lieu's list", () => {
    expect(names({ service: "Aide aux démarches administratives" })).toEqual(["Espace emploi", "Permanence démarches"]);
    expect(names({ service: "Insertion professionnelle via le numérique" })).toEqual(["Espace emploi"]);
    expect(names({ service: "Loisirs et créations numériques" })).toEqual([]);
  });

  it("filters by a public or by a specific support, reading the right list for each", () => {
    expect(names({ public: "Seniors" })).toEqual(["Ateliers seniors"]);
    expect(names({ public: "Surdité" })).toEqual(["Permanence démarches"]);
    expect(names({ public: "Femmes" })).toEqual([]);
  });

  it("filters by the acteur's theme and category", () => {
    expect(names({ theme: "service-public" })).toEqual(["Permanence démarches"]);
    expect(names({ theme: "emploi" })).toEqual(["Espace emploi", "Ateliers seniors"]);
    expect(names({ categorie: "public" })).toEqual(["Espace emploi", "Ateliers seniors"]);
  });

  it("finds a commune whatever its case and accents, and nothing for an unknown one", () => {
    expect(names({ commune: "begles" })).toEqual(["Espace emploi", "Permanence démarches"]);
    expect(names({ commune: "Nulle-Part" })).toEqual([]);
  });

  it("combines the filters", () => {
    expect(names({ commune: "Bègles", service: "Aide aux démarches administratives", categorie: "public" })).toEqual(["Espace emploi"]);
    expect(names({ commune: "Bègles", theme: "emploi", public: "Surdité" })).toEqual([]);
  });
});

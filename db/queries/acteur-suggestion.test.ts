import { describe, expect, it } from "vitest";
import { getTestDb } from "@/db/testing";
import { buildActeur as buildAnyActeur, buildLieu } from "@/db/factories";
import { getLinkedActeurs, searchActeurSuggestions } from "./acteur-suggestion";

const buildActeur = (nom: string) => buildAnyActeur({ nom, typologie: "bibliotheque" });

describe("searchActeurSuggestions", () => {
  it("matches without case or accents, names starting with the query first", () => {
    const db = getTestDb();
    buildActeur("Réseau des médiathèques");
    buildActeur("Médiathèque Mériadeck");
    buildActeur("Emmaüs Connect");
    expect(searchActeurSuggestions(db, "MEDIA").map((a) => a.nom)).toEqual(["Médiathèque Mériadeck", "Réseau des médiathèques"]);
    expect(searchActeurSuggestions(db, "emmaus").map((a) => a.nom)).toEqual(["Emmaüs Connect"]);
    expect(searchActeurSuggestions(db, "   ")).toEqual([]);
  });

  it("returns at most the limit", () => {
    const db = getTestDb();
    for (let i = 0; i < 12; i++) buildActeur(`Centre social ${String(i).padStart(2, "0")}`);
    expect(searchActeurSuggestions(db, "centre social")).toHaveLength(10);
    expect(searchActeurSuggestions(db, "centre", 3).map((a) => a.nom)).toEqual(["Centre social 00", "Centre social 01", "Centre social 02"]);
  });
});

describe("getLinkedActeurs", () => {
  it("returns the known acteurs with their lieux and leaves unknown ids out", () => {
    const db = getTestDb();
    const a = buildActeur("Maison de quartier");
    const l = buildLieu(a.id, { nom: "Accueil", commune: "Bordeaux" });
    expect(getLinkedActeurs(db, [a.id, 999_999])).toEqual([
      { id: a.id, slug: a.slug, nom: "Maison de quartier", typologie: "bibliotheque", lieux: [{ id: l.id, nom: "Accueil", commune: "Bordeaux" }] },
    ]);
    expect(getLinkedActeurs(db, [])).toEqual([]);
  });
});

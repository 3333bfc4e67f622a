import { describe, expect, it } from "vitest";
import { buildActeur, buildLieu, buildUser } from "@/db/factories";
import { getTestDb } from "@/db/testing";
import { getActeurBySlug, listActeurs, listActeursByMember, listCommunes } from "./acteur";

// One directory shared by the filter tests below; each test only reads it.
const db = getTestDb();
const mediatheque = buildActeur({ nom: "Médiathèque de Mériadeck", categorie: "public", typologie: "bibliotheque_mediatheque", themes: ["culture", "e-inclusion"] });
const emmaus = buildActeur({ nom: "Emmaüs Connect", description: "Réemploi solidaire et ateliers numériques.", themes: ["e-inclusion"] });
const ecole = buildActeur({ nom: "École du numérique", categorie: "prive", typologie: "entreprise", themes: ["emploi"] });
const ccas = buildActeur({ nom: "CCAS de Bègles", categorie: "public", typologie: "ccas_cias", description: "Accompagnement aux démarches en ligne." });
buildLieu(mediatheque.id, { commune: "Bordeaux" });
buildLieu(emmaus.id, { commune: "Bordeaux" });
buildLieu(emmaus.id, { commune: "Saint-Médard-en-Jalles" });
buildLieu(ccas.id, { commune: "Bègles" });
buildLieu(ecole.id, { commune: "BORDEAUX" });

const names = (filters: Parameters<typeof listActeurs>[1]) => listActeurs(db, filters).items.map((a) => a.nom);

describe("listActeurs", () => {
  it("lists every acteur in alphabetical order, accents ignored, with themes and communes", () => {
    const page = listActeurs(db);
    expect(page.items.map((a) => a.nom)).toEqual(["CCAS de Bègles", "École du numérique", "Emmaüs Connect", "Médiathèque de Mériadeck"]);
    expect(page).toMatchObject({ total: 4, page: 1, pageCount: 1 });
    const emmausItem = page.items.find((a) => a.id === emmaus.id)!;
    expect(emmausItem.communes).toEqual(["Bordeaux", "Saint-Médard-en-Jalles"]);
    expect(emmausItem.themes).toEqual([{ slug: "e-inclusion", label: "E-inclusion" }]);
  });

  it("matches text without regard to case or accents, in the name, the description and the communes", () => {
    expect(names({ q: "mediatheque" })).toEqual(["Médiathèque de Mériadeck"]);
    expect(names({ q: "EMMAUS" })).toEqual(["Emmaüs Connect"]);
    expect(names({ q: "ecole" })).toEqual(["École du numérique"]);
    expect(names({ q: "réemploi" })).toEqual(["Emmaüs Connect"]);
    expect(names({ q: "begles" })).toEqual(["CCAS de Bègles"]);
    expect(names({ q: "saint medard" })).toEqual(["Emmaüs Connect"]);
    expect(names({ q: "numerique connect" })).toEqual(["Emmaüs Connect"]);
    expect(names({ q: "bordeaux-nord" })).toEqual([]);
    expect(names({ q: " % _ " })).toHaveLength(4);
  });

  it("filters by catégorie, thème and commune, together", () => {
    expect(names({ categorie: "public" })).toEqual(["CCAS de Bègles", "Médiathèque de Mériadeck"]);
    expect(names({ theme: "e-inclusion" })).toEqual(["Emmaüs Connect", "Médiathèque de Mériadeck"]);
    expect(names({ theme: "e-inclusion", categorie: "public" })).toEqual(["Médiathèque de Mériadeck"]);
    expect(names({ theme: "sante" })).toEqual([]);
    expect(names({ commune: "bordeaux" })).toEqual(["École du numérique", "Emmaüs Connect", "Médiathèque de Mériadeck"]);
    expect(names({ commune: "Bègles", q: "ccas" })).toEqual(["CCAS de Bègles"]);
  });

  it("pages the results", () => {
    const first = listActeurs(db, {}, 3);
    expect(first).toMatchObject({ total: 4, page: 1, pageCount: 2 });
    expect(first.items).toHaveLength(3);
    const second = listActeurs(db, { page: 2 }, 3);
    expect(second.items.map((a) => a.nom)).toEqual(["Médiathèque de Mériadeck"]);
    expect(listActeurs(db, { page: 99 }, 3).page).toBe(2);
  });
});

describe("listCommunes", () => {
  it("gives each commune once, under its most used spelling, in French order", () => {
    expect(listCommunes(db)).toEqual(["Bègles", "Bordeaux", "Saint-Médard-en-Jalles"]);
  });
});

describe("getActeurBySlug and listActeursByMember", () => {
  it("returns the acteur with its lieux and members, and the acteurs of a member", () => {
    const zoe = buildUser({ name: "Zoé" });
    const anna = buildUser({ name: "Anna" });
    const own = buildActeur({ nom: "Zèbre numérique", members: [zoe, anna] });
    buildLieu(own.id, { nom: "Antenne B" });
    buildLieu(own.id, { nom: "Antenne A" });
    const details = getActeurBySlug(db, own.slug)!;
    expect(details.lieux.map((l) => l.nom)).toEqual(["Antenne A", "Antenne B"]);
    expect(details.members.map((m) => m.name)).toEqual(["Anna", "Zoé"]);
    expect(getActeurBySlug(db, "inexistant")).toBeUndefined();
    expect(listActeursByMember(db, zoe.id)).toEqual([{ id: own.id, slug: own.slug, nom: "Zèbre numérique" }]);
  });
});

import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { normaliseActeurName } from "./acteur-names";
import { splitActeurs } from "./acteur-split";
import { guessActeurKind } from "./acteur-typologie";
import { collectActeurs } from "./directory";
import { parseLivreBlanc } from "./livre-blanc";
import { LIVRE_BLANC_SEED_FILE } from "./seed";

const organisations = (raw: string) => splitActeurs(raw).filter((a) => !a.generic).map((a) => a.nom);
const generics = (raw: string) => splitActeurs(raw).filter((a) => a.generic).map((a) => a.nom);

describe("splitActeurs", () => {
  it("cuts on commas and 'et', and drops a trailing ellipsis", () => {
    // Four organisations, not three: the Conseil départemental, INRIA, CARSAT and UDCCA are
    // separate bodies (the fiche's éléments spécifiques name them one by one).
    expect(organisations("Conseil Départemental de la Gironde et INRIA, CARSAT, UDCCA,...")).toEqual([
      "Conseil Départemental de la Gironde",
      "INRIA",
      "CARSAT",
      "UDCCA",
    ]);
    expect(organisations("Aquitanis et Numéricable")).toEqual(["Aquitanis", "Numéricable"]);
    expect(organisations("Les bruits de la rue, Aquinum, Fondation Orange")).toEqual(["Les bruits de la rue", "Aquinum", "Fondation Orange"]);
  });

  it("cuts on a slash between organisations only", () => {
    expect(organisations("CEID /SNCF, Auchan, …")).toEqual(["CEID", "SNCF", "Auchan"]);
    expect(organisations("Direction des sports / DGINSI")).toEqual(["Direction des sports", "DGINSI"]);
    expect(organisations("PIJ/PAJ St Ciers sur Gironde")).toEqual(["PIJ/PAJ St Ciers sur Gironde"]);
  });

  it("keeps an organisation and its service, or its acronym, as one acteur", () => {
    expect(splitActeurs("Mairie de Bordeaux - Atelier informatique")).toEqual([
      expect.objectContaining({ nom: "Mairie de Bordeaux - Atelier informatique", organisation: "Ville de Bordeaux", generic: false }),
    ]);
    expect(splitActeurs("Fondation Orange (FO)")).toEqual([
      expect.objectContaining({ nom: "Fondation Orange", sigle: "FO", key: "fondation orange", typologie: "fondation" }),
    ]);
    expect(splitActeurs("ARS (Agence Régionale de Santé), CCAS de Bordeaux")[0]).toMatchObject({
      nom: "ARS",
      sigle: "ARS",
      precision: "Agence Régionale de Santé",
      key: "ars aquitaine",
    });
  });

  it("does not cut inside parentheses or before a lower-case complement, and reads a second place as a second seat", () => {
    expect(organisations("Bibliothèque municipale de Bordeaux et IRSA (Institution Régionale des Sourds et des Aveugles)")).toEqual([
      "Bibliothèque municipale de Bordeaux",
      "IRSA",
    ]);
    // The regional CISS and the national one, in Paris; the expansion names the Aquitaine one.
    expect(organisations("CISS Aquitaine et Paris (Collectif Inter associatif sur la santé en Aquitaine), CCAS, ARS Aquitaine")).toEqual([
      "CISS Aquitaine",
      "CISS Paris",
      "ARS Aquitaine",
    ]);
    expect(organisations("Ministère de la jeunesse et des sports")).toEqual(["Ministère de la jeunesse et des sports"]);
    expect(organisations("Arbor Et Sens en France, mais existe aussi à l'international")).toEqual(["Arbor Et Sens"]);
  });

  it("marks generic acteurs, keeping them apart from the directory", () => {
    for (const raw of [
      "Collectivités et organismes publics",
      "Collectivité ou acteur associatif",
      "La communauté d'intérêt autour de la Solidarité numérique et les personnes mobilisées par ce Livre blanc",
      "Keolis, acteurs associatifs",
      "Par la collectivité avec les citoyens",
      "Collégiens et CM2 avec leurs enseignants et les collectivités",
      "Tous les acteurs : bénévoles, associations, collectivités...",
      "S'appuyer sur des réseaux existants comme les Voisins solidaires ou le service civique pour former",
    ]) {
      const acteurs = splitActeurs(raw);
      expect(acteurs.length, raw).toBeGreaterThan(0);
      expect(acteurs.filter((a) => a.generic).length, raw).toBe(raw.startsWith("Keolis") ? 1 : acteurs.length);
    }
    expect(organisations("Keolis, acteurs associatifs")).toEqual(["Keolis"]);
    expect(generics("Mairie, Métropole")).toEqual(["Mairie", "Métropole"]);
    expect(generics("Centre social de la Teste de Buch et CCAS")).toEqual(["CCAS"]);
    expect(organisations("Association Petits Frères des Pauvres, associations locales")).toEqual(["Association Petits Frères des Pauvres"]);
  });

  it("finds the organisations named inside a generic group", () => {
    expect(organisations("Etudiants de l'ENSEIRB et du LaBRI")).toEqual(["ENSEIRB", "LaBRI"]);
    expect(organisations("PIMMS (Point Information Médiation Multi Services) et entreprises (Orange, EDF...)")).toEqual(["PIMMS", "Orange", "EDF"]);
    expect(organisations("HelloAsso sur le plan national. A Bordeaux l'évènement est organisé par La Philomathique et La Ruche")).toEqual([
      "HelloAsso",
      "La Philomathique",
      "La Ruche",
    ]);
  });

  it("keeps « Mairie » and « le CCAS » generic outside the Livre blanc, even in an idée", () => {
    expect(splitActeurs("Mairie, le CCAS", { type: "idee" }).map((a) => [a.nom, a.generic])).toEqual([
      ["Mairie", true],
      ["CCAS", true],
    ]);
  });

  it("suggests roles: partners after 'avec le soutien de', pressentis for an idée", () => {
    expect(splitActeurs("Aquinum avec le soutien du Conseil Départemental de la Gironde").map((a) => a.role)).toEqual(["porteur", "partenaire"]);
    expect(splitActeurs("Bordeaux Métropole et Keolis", { type: "idee" }).map((a) => a.role)).toEqual(["pressenti", "pressenti"]);
  });
});

describe("normaliseActeurName", () => {
  it("folds case, accents, spaces and punctuation only", () => {
    expect(normaliseActeurName("Kéolis")).toBe(normaliseActeurName("Keolis"));
    expect(normaliseActeurName("Gironde-Habitat")).toBe("gironde habitat");
    expect(normaliseActeurName("fondation  Orange")).toBe(normaliseActeurName("Fondation Orange (FO)"));
    // No word is dropped by a rule: an article or "Association" keeps two names apart.
    expect(normaliseActeurName("Association Petits Frères des Pauvres")).not.toBe(normaliseActeurName("Petits Frères des Pauvres"));
    expect(normaliseActeurName("La Banque alimentaire")).not.toBe(normaliseActeurName("Banque alimentaire"));
  });

  it("merges the same-organisation variants the alias table lists", () => {
    expect(normaliseActeurName("Mairie de Bordeaux")).toBe("ville de bordeaux");
    expect(normaliseActeurName("Ville de Bordeaux")).toBe("ville de bordeaux");
    expect(normaliseActeurName("CG33")).toBe(normaliseActeurName("Conseil Départemental de la Gironde"));
    expect(normaliseActeurName("Atelier Informatique (ville de Bordeaux)")).toBe(normaliseActeurName("Mairie de Bordeaux - Atelier informatique"));
    expect(normaliseActeurName("Espaces vert de la Mairie de Bordeaux")).toBe(normaliseActeurName("Espaces verts de la Mairie de Bordeaux"));
    // "Atelier informatique" alone could be anyone's.
    expect(normaliseActeurName("Atelier informatique")).toBe("atelier informatique");
    expect(normaliseActeurName("Diaconat")).toBe(normaliseActeurName("Diaconat de Bordeaux Proactive"));
    for (const variant of ["Bibliothèque municipale de Bordeaux", "Direction lecture publique", "Bibliothèque de Bordeaux Métropole"]) {
      expect(normaliseActeurName(variant)).toBe(normaliseActeurName("Bibliothèques de Bordeaux"));
    }
    // A library of the network stays an acteur of its own.
    expect(normaliseActeurName("Bibliothèque Flora Tristan")).not.toBe(normaliseActeurName("Bibliothèques de Bordeaux"));
    expect(normaliseActeurName("UDCCA")).toBe(normaliseActeurName("UDCCAS"));
  });
});

describe("guessActeurKind", () => {
  it("applies the known table, then keyword rules, then a flagged fallback", () => {
    expect(guessActeurKind("orange", "Orange")).toMatchObject({ categorie: "prive", typologie: "entreprise", confident: true });
    expect(guessActeurKind("ccas de merignac", "CCAS de Mérignac")).toMatchObject({ categorie: "public", typologie: "ccas_cias" });
    expect(guessActeurKind("ville de pessac", "Ville de Pessac")).toMatchObject({ categorie: "public", typologie: "collectivite_territoriale" });
    expect(guessActeurKind("abul", "ABUL", "Association Bordelaise des Utilisateurs de Logiciels libres")).toMatchObject({
      categorie: "non_lucratif",
      typologie: "association",
    });
    expect(guessActeurKind("bibliotheque flora tristan", "Bibliothèque Flora Tristan")).toMatchObject({ typologie: "bibliotheque_mediatheque" });
    expect(guessActeurKind("centre social de bordeaux nord", "Centre social de Bordeaux Nord")).toMatchObject({ typologie: "centre_social", confident: false });
    expect(guessActeurKind("ginko", "Ginko")).toMatchObject({ categorie: "non_lucratif", typologie: "autre", confident: false });
  });

  it("types a ministry as the State, not as one of its établissements", () => {
    expect(guessActeurKind("ministere de la sante", "Ministère de la santé")).toMatchObject({ categorie: "public", typologie: "service_etat", confident: true });
    expect(guessActeurKind("prefecture de la gironde", "Préfecture de la Gironde")).toMatchObject({ typologie: "service_etat" });
    expect(guessActeurKind("agence du numerique", "Agence du numérique")).toMatchObject({ typologie: "etablissement_public" });
  });

  it("gives the organisations the text does not describe a guess flagged for review", () => {
    expect(guessActeurKind("cos", "COS")).toMatchObject({ typologie: "association", confident: false, reason: expect.stringMatching(/^supposé : /) });
    expect(guessActeurKind("10h11", "10h11")).toMatchObject({ typologie: "entreprise", categorie: "prive", confident: false });
  });
});

describe("collectActeurs on the Livre blanc", () => {
  const text = fs.readFileSync(LIVRE_BLANC_SEED_FILE, "utf8");
  const directory = collectActeurs(parseLivreBlanc(text).fiches);
  const entry = (nom: string) => directory.find((candidate) => candidate.nom === nom);

  it("lists each organisation once under its canonical name", () => {
    expect(entry("Ville de Bordeaux")).toMatchObject({ variantes: ["Mairie de Bordeaux", "Ville de Bordeaux"], categorie: "public" });
    expect(entry("Conseil départemental de la Gironde")?.variantes).toEqual(["Conseil Départemental de la Gironde", "CG33"]);
    expect(entry("Fondation Orange")).toMatchObject({ sigle: "FO", typologie: "fondation" });
    expect(entry("Fondation Orange")?.fiches).toHaveLength(7);
    expect(new Set(directory.map((a) => a.key)).size).toBe(directory.length);
  });

  it("reads the Livre blanc's variants as one acteur, under the clearest name", () => {
    expect(entry("Diaconat de Bordeaux")?.variantes.sort()).toEqual(["Diaconat", "Diaconat de Bordeaux Proactive"]);
    expect(entry("Bibliothèques de Bordeaux")?.variantes.sort()).toEqual([
      "Bibliothèque de Bordeaux Métropole",
      "Bibliothèque municipale de Bordeaux",
      "Direction lecture publique",
    ]);
    expect(entry("UDCCAS")?.variantes).toEqual(["UDCCA"]);
    expect(entry("Mondial Assistance")?.variantes).toEqual(["MONDIAL ASSISTANCE"]);
  });

  it("leaves generic acteurs out", () => {
    const noms = directory.map((a) => a.nom);
    for (const generic of ["Mairie", "Collectivités", "CCAS", "associations locales", "Mouvement citoyen", "Collégiens"]) {
      expect(noms).not.toContain(generic);
    }
  });
});

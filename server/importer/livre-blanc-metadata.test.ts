import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { normaliseActeurName } from "./acteur-names";
import { parseLivreBlanc } from "./livre-blanc";
import { LIVRE_BLANC_SEED_FILE } from "./seed";

/*
 * Thirty-odd fiches of the Livre blanc as a reader reads them: title, commune, porteurs and partenaires,
 * written from the seed text, not from the importer's output. Names are compared by their deduplication
 * key, so "Mairie de Bordeaux" and "Ville de Bordeaux" are one acteur, as in the directory.
 * A commune is expected only where the text names one: the Halle des Douves is in Bordeaux, but its
 * fiche does not say so. A CCAS without its commune is generic, like "la Mairie" alone (FORMAT.md): one
 * directory acteur for every unnamed CCAS would merge those of different communes.
 */

type Expected = { titre: string; commune: string | null; porteurs: string[]; partenaires?: string[] };

const EXPECTED: Record<string, Expected> = {
  "pratique:les-papi-s-a-brest": { titre: "Les Papi's à Brest", commune: "Brest", porteurs: [] },
  "pratique:dom-assist": {
    titre: "DOM Assist",
    commune: null,
    porteurs: ["Conseil Départemental de la Gironde", "INRIA"],
    // "avec le soutien actif des instances locales (CARSAT, UDCCAS, Conseil départemental...)"
    partenaires: ["CARSAT", "UDCCA"],
  },
  "pratique:memoire-des-douves": { titre: "Mémoire des Douves", commune: null, porteurs: ["Halle des Douves"] },
  "pratique:encyclopedie-participative-pour-les-enfants": { titre: "Encyclopédie participative pour les enfants", commune: "Pessac", porteurs: ["Ville de Pessac", "Ryxéo"] },
  "pratique:garage-informatique": { titre: "Garage informatique", commune: "Bordeaux", porteurs: ["Bibliothèque Flora Tristan de Bordeaux"] },
  "pratique:hesti": { titre: "HESTI@", commune: "Mérignac", porteurs: ["Conseil Départemental de la Gironde", "Gironde-Habitat", "CCAS de Mérignac"] },
  "pratique:internet-dans-les-immeubles": { titre: "Internet dans les immeubles", commune: null, porteurs: ["Aquitanis", "Numéricable"] },
  "pratique:pictolire": {
    titre: "Pictolire",
    commune: "Bordeaux",
    porteurs: ["Diaconat de Bordeaux Proactive", "Conseil Régional Nord Pas de Calais", "Croix Rouge Française", "France Terre d'Asile", "COS", "CEFR"],
  },
  "pratique:clic-et-declic": { titre: "Clic et déclic", commune: "Bordeaux", porteurs: ["Mairie de Bordeaux - Atelier informatique"] },
  "pratique:numeclic": { titre: "Numéclic", commune: null, porteurs: ["Diaconat", "Orange", "10h11"] },
  "pratique:telemedecine": { titre: "Télémédecine", commune: "Bordeaux", porteurs: ["ARS (Agence Régionale de Santé)", "CCAS de Bordeaux"] },
  "pratique:samedi-tic": { titre: "Samedi TIC", commune: null, porteurs: ["Bibliothèque Flora Tristan", "ABUL"] },
  "pratique:coding-gouter": { titre: "Coding gouter", commune: null, porteurs: ["Aquinum"], partenaires: ["Conseil Départemental de la Gironde"] },
  "pratique:espace-public-numerique-multi-activites-ville-de-cenon": {
    titre: "Espace public numérique «Multi activités» Ville de Cenon",
    commune: "Cenon",
    porteurs: ["Ville de Cenon"],
  },
  "pratique:khan-academy": { titre: "Khan Academy", commune: null, porteurs: ["Khan Academy"], partenaires: ["Fondation Orange"] },
  "pratique:onela-aide-et-maintien-a-domicile": { titre: "ONÉLA, aide et maintien à domicile", commune: null, porteurs: ["Colysée Patrimoine", "La Poste"] },
  "pratique:la-boite-a-projets-z": { titre: "La Boîte à Projets Z", commune: "Bordeaux", porteurs: ["Association Contrôle Z"] },
  "pratique:solicamp": { titre: "Solicamp", commune: null, porteurs: ["Les bruits de la rue", "Aquinum", "Fondation Orange"] },
  "pratique:digital-society-forum": {
    titre: "Digital Society Forum",
    commune: null,
    porteurs: ["Fondation Orange"],
    // "Les partenaires du projet sont Psychologie Magazine et la Fondation Internet Nouvelle Génération (FING)"
    partenaires: ["Psychologie Magazine", "Fondation Internet Nouvelle Génération"],
  },
  "pratique:s-e-l": { titre: "S.E.L", commune: "Bordeaux", porteurs: ["Halle des Douves"] },
  "pratique:association-solidarites-numeriques-dont-action-solhane": {
    titre: "Association Solidarités Numériques dont action SOLHANE",
    commune: null,
    porteurs: [],
    partenaires: ["DUI", "Villes Internet", "ERDF", "Mondial Assistance", "TADEO", "ECOLOGIC", "Plan Créatif"],
  },
  "pratique:social-good-week": { titre: "Social Good Week", commune: "Bordeaux", porteurs: ["HelloAsso", "La Philomathique", "La Ruche"] },
  "pratique:ginko-espace-d-initiation-et-stages": { titre: "Ginko, espace d'initiation et stages", commune: "Bordeaux", porteurs: ["Mairie de Bordeaux", "Université du temps libre"] },
  "pratique:collecte-des-mobiles-dans-le-nord-de-la-france": {
    titre: "Collecte des mobiles dans le Nord de la France",
    commune: null,
    porteurs: ["L'Ecole de la 2e chance Grand Lille", "CCI Grand Lille", "Orange"],
  },
  "pratique:enfants-numeriques-mode-d-emploi": {
    titre: "Enfants numériques mode d'emploi",
    commune: "Bordeaux",
    porteurs: ["Association Promo femmes", "Fondation Orange", "Atelier Informatique (ville de Bordeaux)"],
  },
  "pratique:ateliers-informatiques-jeunes-seniors": { titre: "Ateliers informatiques jeunes / seniors", commune: "Bègles", porteurs: ["Mairie de Bègles"] },
  "pratique:cyber-espace": { titre: "Cyber espace", commune: "Bordeaux", porteurs: ["Atelier Graphite"], partenaires: ["MDSI", "PIMMS"] },
  "pratique:fablabs-solidaires-coh-bit": {
    titre: "Fablabs solidaires • Coh@bit",
    // The IUT de Bordeaux's Coh@bit is on its Gradignan campus; the Ville de Gradignan is the municipality named.
    commune: "Gradignan",
    porteurs: ["IUT de Bordeaux", "Région Aquitaine", "Fondation Orange", "EDF", "Ville de Gradignan"],
  },
  "pratique:agir-pour-me-preparer-a-l-emploi": { titre: "Agir pour me préparer à l'emploi", commune: "La Teste-de-Buch", porteurs: ["Centre social de la Teste de Buch"] },
  "pratique:t-a-p-a-j": {
    titre: "T.A.P.A.J",
    commune: "Bordeaux",
    porteurs: ["CEID", "SNCF", "Auchan", "Espaces verts de la Mairie de Bordeaux", "Orange", "Orange Solidarité", "ERDF", "Vinci"],
  },
  "pratique:assistance-aux-usagers-de-la-sante": { titre: "Assistance aux usagers de la santé", commune: null, porteurs: ["CISS Aquitaine", "CISS Paris", "ARS Aquitaine"] },
};

const fiches = new Map(parseLivreBlanc(fs.readFileSync(LIVRE_BLANC_SEED_FILE, "utf8")).fiches.map((f) => [f.key, f]));
const keys = (names: string[]) => names.map(normaliseActeurName).sort();

describe("the Livre blanc's metadata, as a reader reads it", () => {
  it.each(Object.entries(EXPECTED))("%s", (key, expected) => {
    const fiche = fiches.get(key);
    expect(fiche, key).toBeDefined();
    const named = fiche!.acteurs.filter((acteur) => !acteur.generic);
    const withRole = (...roles: string[]) => named.filter((acteur) => roles.includes(acteur.role)).map((acteur) => acteur.key).sort();
    expect({ titre: fiche!.titre, commune: fiche!.commune, porteurs: withRole("porteur"), partenaires: withRole("partenaire", "financeur") }).toEqual({
      titre: expected.titre,
      commune: expected.commune,
      porteurs: keys(expected.porteurs),
      partenaires: keys(expected.partenaires ?? []),
    });
  });
});

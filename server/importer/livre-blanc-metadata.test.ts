import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { normaliseActeurName } from "./acteur-names";
import { collectActeurs } from "./directory";
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
    partenaires: ["CARSAT", "UDCCAS"],
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

const parsed = parseLivreBlanc(fs.readFileSync(LIVRE_BLANC_SEED_FILE, "utf8"));
const fiches = new Map(parsed.fiches.map((f) => [f.key, f]));
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

/*
 * The directory the same reader would build. "Diaconat" (Numéclic) and "Diaconat de Bordeaux Proactive"
 * (Pictolire) are one association; the Bordeaux library network, "Bibliothèques de Bordeaux" in
 * the later documents, is "Bibliothèque municipale de Bordeaux" (Initiation au numérique pour les personnes
 * sourdes), "Bibliothèque de Bordeaux Métropole" (Bib'Invaders) and its "Direction lecture publique" (the
 * Mairie's ateliers, whose "Bibliothèque" item it runs);
 * Flora Tristan is one of its libraries, with its own Média Lab. DOM ASSIST's "UDCCA" is the UDCCAS its
 * text names. A ministry is the State; the DUI is the State's Délégation aux usages de l'Internet.
 */
type ExpectedActeur = { typologie?: string; categorie?: string; organisation?: string | null; fiches?: string[] };

const DIRECTORY: Record<string, ExpectedActeur> = {
  "Diaconat de Bordeaux": { typologie: "association", categorie: "non_lucratif", fiches: ["pratique:numeclic", "pratique:pictolire"] },
  "Bibliothèques de Bordeaux": {
    typologie: "bibliotheque_mediatheque",
    categorie: "public",
    organisation: "Ville de Bordeaux",
    fiches: ["pratique:ateliers-d-initiation-multimedia-de-la-mairie-de-bordeaux", "pratique:bib-invaders", "pratique:initiation-au-numerique-pour-les-personnes-sourdes"],
  },
  "Bibliothèque Flora Tristan": {
    typologie: "bibliotheque_mediatheque",
    organisation: "Bibliothèques de Bordeaux",
    fiches: ["pratique:garage-informatique", "pratique:samedi-tic"],
  },
  UDCCAS: { fiches: ["pratique:dom-assist"] },
  "CISS Aquitaine": { typologie: "association", categorie: "non_lucratif", fiches: ["pratique:assistance-aux-usagers-de-la-sante"] },
  "CISS Paris": { typologie: "association", categorie: "non_lucratif", fiches: ["pratique:assistance-aux-usagers-de-la-sante"] },
  "Ministère de la culture": { typologie: "service_etat", categorie: "public" },
  "Ministère de la jeunesse et des sports": { typologie: "service_etat", categorie: "public" },
  DUI: { typologie: "service_etat", categorie: "public" },
  "Mondial Assistance": { typologie: "entreprise" },
  "Plan Créatif": { typologie: "entreprise" },
  "Ville de Bordeaux": { typologie: "collectivite_territoriale", categorie: "public" },
  "CCAS de Bordeaux": { typologie: "ccas_cias", categorie: "public" },
};
const NOT_IN_DIRECTORY = [
  "Bibliothèque municipale de Bordeaux",
  "Diaconat",
  "Diaconat de Bordeaux Proactive",
  "Bibliothèque de Bordeaux Métropole",
  "Direction lecture publique",
  "UDCCA",
  "CISS Aquitaine et Paris",
  "Ginko",
  "MONDIAL ASSISTANCE",
  "PLAN CREATIF",
  "Mairie",
  "CCAS",
];

/*
 * In the annex "Idées à explorer", written by the Ville de Bordeaux, "Mairie", "le CCAS" and "Métropole"
 * alone are Bordeaux's: pressentis, each link reported. "Mairies" (line 2487) stays generic.
 */
const PRESSENTIS: Record<string, string[]> = {
  // 2340 "Acteurs relais avec des médiateurs / Mairie"
  "idee:solutions-mobiles-a-la-rencontre-des-publics-bus-a-bord-des-ter": ["Ville de Bordeaux"],
  // 2363 "Les animateurs du CCAS"
  "idee:borne-d-acces-au-droit": ["CCAS de Bordeaux"],
  "idee:lieux-ouverts-connectes": ["Ville de Bordeaux"],
  // 2455 "Etat civil + CAF + CCAS + CPAM"
  "idee:partage-de-donnees-des-administres": ["CAF", "CCAS de Bordeaux", "CPAM"],
  // 2495 "Mairie, Métropole"
  "idee:wifi-gratuit-pour-les-publics-fragilises": ["Ville de Bordeaux", "Bordeaux Métropole"],
  "idee:tarif-social-de-l-internet": ["Ville de Bordeaux", "Emmaüs Connect"],
  "idee:acces-libre-et-social-a-l-electricite": ["Ville de Bordeaux", "EDF"],
  "idee:concierges-de-quartier": ["Ville de Bordeaux"],
  "idee:inciter-a-la-reutilisation-du-materiel-obsolete": [],
  // 2348 "Bordeaux Métropole et Keolis": named, nothing to link.
  "idee:creer-des-poles-d-animation": ["Bordeaux Métropole", "Keolis"],
};

describe("the Livre blanc's directory, as a reader reads it", () => {
  const directory = collectActeurs(parsed.fiches);
  const byName = new Map(directory.map((entry) => [entry.nom, entry]));

  it.each(Object.entries(DIRECTORY))("%s", (nom, expected) => {
    const entry = byName.get(nom);
    expect(entry, nom).toBeDefined();
    const actual = {
      typologie: entry!.typologie,
      categorie: entry!.categorie,
      organisation: entry!.organisation,
      fiches: [...entry!.fiches].sort(),
    };
    const wanted = Object.fromEntries(Object.keys(expected).map((field) => [field, actual[field as keyof typeof actual]]));
    expect(wanted).toEqual(expected);
  });

  it("has no duplicate, no wrong name and no acteur left as « Autre » by default", () => {
    const noms = directory.map((entry) => entry.nom);
    for (const nom of NOT_IN_DIRECTORY) expect(noms, nom).not.toContain(nom);
    expect(directory.filter((entry) => entry.typologie === "autre").map((entry) => entry.nom)).toEqual([]);
    // Organisations the text does not describe get a guess, which the report asks a human to check.
    for (const nom of ["10h11", "6 éléments", "COS", "CEFR", "La Ruche", "Villes 2.0", "TADEO"]) {
      expect(byName.get(nom), nom).toMatchObject({ confident: false });
      expect(parsed.report.some((entry) => entry.code === "acteur_categorie_uncertain" && entry.messageFr.startsWith(`« ${nom} »`)), nom).toBe(true);
    }
  });

  it("reports the merges the text leaves open as warnings, the obvious ones as notes", () => {
    const merges = parsed.report.filter((entry) => entry.code === "acteur_merged");
    const severityOf = (nom: string) => merges.find((entry) => entry.messageFr.includes(`réunis sous « ${nom} »`))?.severity;
    expect(severityOf("Diaconat de Bordeaux")).toBe("warning");
    expect(severityOf("Bibliothèques de Bordeaux")).toBe("warning");
    expect(severityOf("Ville de Bordeaux")).toBe("info");
    expect(severityOf("Conseil départemental de la Gironde")).toBe("info");
  });

  it.each(Object.entries(PRESSENTIS))("%s", (key, expected) => {
    const fiche = fiches.get(key);
    expect(fiche, key).toBeDefined();
    const named = fiche!.acteurs.filter((acteur) => !acteur.generic);
    expect(named.every((acteur) => acteur.role === "pressenti")).toBe(true);
    expect(named.map((acteur) => acteur.key).sort()).toEqual(keys(expected));
  });

  it("reports every generic name it links, and keeps « Mairies » generic", () => {
    const links = parsed.report.filter((entry) => entry.code === "acteur_generic_linked");
    // Ten "Mairie", two "CCAS", one "Métropole" in the annex's Acteur(s) lines (2276–2658).
    expect(links).toHaveLength(13);
    expect(links.every((entry) => entry.severity === "warning" && entry.ficheKey?.startsWith("idee:"))).toBe(true);
    expect(fiches.get("idee:inciter-a-la-reutilisation-du-materiel-obsolete")!.acteurs).toEqual([expect.objectContaining({ nom: "Mairies", generic: true })]);
    // A pratique's "CCAS" alone is not linked: pratiques come from several communes.
    expect(fiches.get("pratique:agir-pour-me-preparer-a-l-emploi")!.acteurs.find((acteur) => acteur.nom === "CCAS")).toMatchObject({ generic: true });
  });
});

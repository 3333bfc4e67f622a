import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readImportFile } from "@/server/importer/read-file";
import { LIVRE_BLANC_SEED_FILE } from "@/server/importer/seed";

/*
 * The classifier on the 121 fiches of the Livre blanc, read as the seed reads them. Every expected
 * set below was written from the fiche's text, not from the classifier's output: a change to a
 * phrase list that moves one of them must convince a reader of that text, not only this file.
 */

const file = readImportFile(fs.readFileSync(LIVRE_BLANC_SEED_FILE), path.basename(LIVRE_BLANC_SEED_FILE));
if (!file.ok) throw new Error(file.error.message);
const fiches = file.result.fiches;
const byKey = new Map(fiches.map((fiche) => [fiche.key, fiche]));

function themesOf(key: string): string[] {
  const fiche = byKey.get(key);
  if (!fiche) throw new Error(`No fiche ${key} in the Livre blanc`);
  return fiche.themes.map((term) => term.slug).sort();
}

function publicsOf(key: string): string[] {
  return byKey.get(key)!.publics.map((term) => term.slug).sort();
}

// Fiches about getting people online or equipped: e-inclusion is their subject, whatever else they touch.
const CORE_E_INCLUSION = [
  "pratique:clic-et-declic",
  "pratique:garage-informatique",
  "pratique:wifi-public",
  "pratique:internet-dans-les-immeubles",
  "idee:tarif-social-de-l-internet",
];

const EXPECTED_THEMES: Record<string, string[]> = {
  // Users saw "Emploi" here: "mode d'emploi" is a user manual. Mothers learn the risks of their children's digital uses.
  "pratique:enfants-numeriques-mode-d-emploi": ["education", "intergenerationnel"],
  // Users saw "Santé" here: the EHPAD is one of the places to equip with wifi.
  "idee:wifi-gratuit-pour-les-publics-fragilises": ["e-inclusion"],
  // Users saw only "Culture" here: the médiathèque is where the tests would happen, the subject is online services.
  "idee:faciliter-l-acces-aux-services-en-ligne": ["e-inclusion", "service-public"],

  "pratique:clic-et-declic": ["e-inclusion", "education", "intergenerationnel"],
  "pratique:garage-informatique": ["e-inclusion"],
  "pratique:wifi-public": ["e-inclusion"],
  "pratique:internet-dans-les-immeubles": ["e-inclusion"],
  "idee:tarif-social-de-l-internet": ["e-inclusion"],

  "pratique:telemedecine": ["sante"],
  "pratique:dom-assist": ["sante"],
  // A waiting list for retirement homes: an administrative step, not a health subject; its "site informatique" teaches nobody.
  "pratique:liste-unique-d-inscription-aux-ehpad-site-informatique-du-coderpa": ["service-public"],
  "pratique:cyber-espace": ["e-inclusion", "emploi", "service-public"],
  "pratique:vote-electronique": ["citoyennete"],
  "pratique:open-data-citoyen-a-bordeaux": ["citoyennete", "service-public"],
  "idee:borne-d-acces-au-droit": ["service-public"],
  "pratique:musee-3-0": ["culture"],
  "pratique:khan-academy": ["education"],
  "pratique:agir-pour-me-preparer-a-l-emploi": ["emploi", "lien-social"],
  "pratique:t-a-p-a-j": ["e-inclusion", "emploi"],
  // Young people out of school are the public of this insertion scheme, not an education subject.
  "pratique:collecte-des-mobiles-dans-le-nord-de-la-france": ["emploi"],
  "pratique:ateliers-informatiques-jeunes-seniors": ["e-inclusion", "intergenerationnel"],
  "pratique:tablette-pour-personnes-agees": ["e-inclusion", "lien-social"],
  "pratique:s-e-l": ["lien-social"],
  // "Initiation d'une nouvelle habitude de travail" between libraries is no digital lesson.
  "pratique:bib-invaders": ["culture", "education", "intergenerationnel"],
  // The library is the venue, the "médiation socio-culturelle" a method: neither makes it a culture fiche.
  "pratique:initiation-au-numerique-pour-les-personnes-sourdes": ["e-inclusion"],
  "pratique:ateliers-d-initiation-multimedia-de-la-mairie-de-bordeaux": ["e-inclusion"],
  // Pôle Emploi is a partner named in passing.
  "pratique:fablab-living-lab-studio-r-1": ["culture", "e-inclusion"],
  // "Sur le modèle des parcours de découverte culturelle" describes the form, not the subject.
  "idee:donner-envie-de-numerique": ["e-inclusion"],
  "idee:voisins-referents": ["e-inclusion", "intergenerationnel", "lien-social"],
};

describe("theme suggestions on the Livre blanc", () => {
  it("give at least one theme to 90 % of its fiches", () => {
    expect(fiches).toHaveLength(121);
    const without = fiches.filter((fiche) => fiche.themes.length === 0).map((fiche) => fiche.titre);
    expect(fiches.length - without.length, `fiches without a theme: ${without.join(" ; ")}`).toBeGreaterThanOrEqual(109);
  });

  it.each(CORE_E_INCLUSION)("give e-inclusion to %s", (key) => {
    expect(themesOf(key)).toContain("e-inclusion");
  });

  it.each(Object.entries(EXPECTED_THEMES))("%s", (key, expected) => {
    expect(themesOf(key)).toEqual([...expected].sort());
  });

  // A phrase that fires on every fiche would pile themes up long before it showed in a single expectation.
  it("give no fiche more than four themes", () => {
    expect(fiches.filter((fiche) => fiche.themes.length > 4).map((fiche) => fiche.titre)).toEqual([]);
  });
});

describe("public suggestions on the Livre blanc", () => {
  it("read the publics a reader reads in the cible", () => {
    expect(publicsOf("pratique:telemedecine")).toEqual(["seniors"]);
    expect(publicsOf("pratique:wifi-public")).toEqual(["tout-public"]);
    expect(publicsOf("pratique:memoire-des-douves")).toEqual(["tout-public"]);
    expect(publicsOf("pratique:projet-numerique-du-centre-social-de-cenon")).toEqual(["familles", "personnes-allophones-migrantes"]);
    // The cible is the trainers; the young people in service civique are among them.
    expect(publicsOf("idee:formation-de-formateurs-et-ou-d-accompagnants-creer-un-catalogue-adhoc")).toEqual(["professionnels-aidants"]);
  });
});

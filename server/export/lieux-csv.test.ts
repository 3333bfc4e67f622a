import { SYSTEM } from "@/server/authorize";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fromSchemaLieuxDeMediationNumerique, type SchemaLieuMediationNumerique } from "@gouvfr-anct/lieux-de-mediation-numerique";
import { openDatabase, type Db } from "@/db/client";
import { buildActeur, buildLieu } from "@/db/factories";
import { migrateDatabase } from "@/db/migrate";
import { membership } from "@/db/schema";
import { seedTaxonomies } from "@/db/seed";
import { getTestDb } from "@/db/testing";
import { lieuSchema } from "@/lib/schemas/lieu";
import { applyLieuxImport } from "../import-lieux/apply";
import { parseCsv } from "../import-lieux/csv-parse";
import { readLieuxCsv } from "../import-lieux/read";
import { createLieu } from "../lieu";
import { exportLieuxCsv } from "./index";
import { LIEUX_CSV_COLUMNS, NO_PIVOT, toInternationalPhone } from "./lieux-schema";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function emptyWiki(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wiki-lieux-target-"));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, "wiki.sqlite"));
  migrateDatabase(db);
  seedTaxonomies(db);
  return db;
}

const db = getTestDb();
const lien = buildActeur({ nom: "Association Le Lien", typologie: "association", siret: "73282932000074" });
const club = buildActeur({ nom: "Club informatique de Bègles", typologie: "association", rna: "W332012345" });
const mairie = buildActeur({ nom: "Ville de Talence", categorie: "public", typologie: "collectivite_territoriale" });

createLieu(db, SYSTEM,
  lien.id,
  lieuSchema.parse({
    nom: "Local du Lien",
    adresse: "12 rue Sainte-Catherine",
    complementAdresse: "2e étage",
    codePostal: "33000",
    commune: "Bordeaux",
    codeInsee: "33063",
    latitude: "44.8378",
    longitude: "-0.5792",
    telephone: "05 56 12 34 56",
    courriels: "contact@lelien.fr, accueil@lelien.fr",
    siteWeb: "https://lelien.fr",
    horaires: "Mo-Fr 09:00-12:00,14:00-18:00",
    services: ["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien"],
    publicsSpecifiquementAdresses: ["Seniors"],
    fraisACharge: ["Gratuit"],
    modalitesAcces: ["Se présenter", "Téléphoner"],
    modalitesAccompagnement: ["Accompagnement individuel"],
    itinerance: ["Fixe"],
    presentationResume: "- accueil sans rendez-vous le matin",
    presentationDetail: "Des bénévoles formés, des ordinateurs en libre accès.",
  }),
);
createLieu(db, SYSTEM, club.id, lieuSchema.parse({ nom: "Salle du club", adresse: "3 place du Marché", codePostal: "33130", commune: "Bègles", services: ["Loisirs et créations numériques"] }));
createLieu(db, SYSTEM, mairie.id, lieuSchema.parse({ nom: "Médiathèque Castagnéra", adresse: "Place de l'Ancienne-Mairie", codePostal: "33400", commune: "Talence", services: ["Accès internet et matériel informatique"], telephone: "06 92 12 34 56" }));
// Two lieux no valid file can hold: one offers no service, one's commune has characters the schema refuses.
const sansService = buildLieu(mairie.id, { nom: "Annexe sans service", services: [] });
const communeInvalide = buildLieu(mairie.id, { nom: "Point d'accueil", commune: "Talence (Gironde)", services: ["Aide aux démarches administratives"] });

/** The rows of a CSV export as the schema's objects, through our own reader. */
function schemaRows(csv: string): SchemaLieuMediationNumerique[] {
  const read = readLieuxCsv(new TextEncoder().encode(csv), "lieux.csv");
  if (!read.ok) throw new Error(read.error.message);
  return read.rows.map(({ values }) => {
    const row: Record<string, string | number> = {};
    for (const [column, value] of Object.entries(values)) if (value) row[column] = column === "latitude" || column === "longitude" ? Number(value) : value;
    return row as unknown as SchemaLieuMediationNumerique;
  });
}

/** The CSV's rows with date_maj blanked: the only column a round trip may change. */
const withoutDates = (csv: string) => {
  const parsed = parseCsv(csv, "lieux.csv");
  if (!parsed.ok) throw new Error(parsed.error.message);
  const at = LIEUX_CSV_COLUMNS.indexOf("date_maj");
  return [parsed.header, ...parsed.rows.map((r) => r.cells.map((c, i) => (i === at ? "" : c)))];
};

describe("lieux CSV (schéma des lieux de médiation numérique v1.0.2)", () => {
  it("has the schema's 32 columns in order and validates with @gouvfr-anct/lieux-de-mediation-numerique", () => {
    const { csv, exported } = exportLieuxCsv(db);
    // The order of the schema's table (and of its example file), spelled out rather than read from our constant.
    expect(csv.split("\r\n")[0]).toBe(
      "id,pivot,nom,commune,code_postal,code_insee,adresse,complement_adresse,latitude,longitude,typologie,telephone,courriels,site_web," +
        "horaires,presentation_resume,presentation_detail,source,itinerance,structure_parente,date_maj,services,publics_specifiquement_adresses," +
        "prise_en_charge_specifique,frais_a_charge,dispositif_programmes_nationaux,formations_labels,autres_formations_labels,modalites_acces," +
        "modalites_accompagnement,fiche_acces_libre,prise_rdv",
    );
    expect(exported).toBe(3);
    const rows = schemaRows(csv);
    expect(() => fromSchemaLieuxDeMediationNumerique(rows)).not.toThrow();
    const lieu = rows.find((r) => r.nom === "Local du Lien")!;
    expect(lieu).toMatchObject({
      pivot: "73282932000074",
      structure_parente: "Association Le Lien",
      typologie: "ASSO",
      telephone: "+33556123456",
      courriels: "contact@lelien.fr|accueil@lelien.fr",
      services: "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien",
      modalites_acces: "Se présenter|Téléphoner",
      latitude: 44.8378,
      longitude: -0.5792,
      source: "Wiki de la Solidarité numérique",
    });
    expect(lieu.date_maj).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rows.find((r) => r.nom === "Salle du club")).toMatchObject({ pivot: "W332012345", typologie: "ASSO" });
    expect(rows.find((r) => r.nom === "Médiathèque Castagnéra")).toMatchObject({ pivot: NO_PIVOT, typologie: "Autre", telephone: "+262692123456" });
  });

  it("reports the lieux that cannot be valid and never writes them", () => {
    const { csv, skipped } = exportLieuxCsv(db);
    expect(csv).not.toContain("Annexe sans service");
    expect(csv).not.toContain("Point d'accueil");
    expect(skipped.map((s) => [s.lieuId, s.violations.map((v) => v.field)])).toEqual([
      [sansService.id, ["services"]],
      [communeInvalide.id, ["commune"]],
    ]);
    expect(skipped[1].violations[0]).toMatchObject({ messageEn: 'invalid commune "Talence (Gironde)"' });
    expect(skipped[1].violations[0].messageFr).toContain("Talence (Gironde)");
  });

  it("neutralises a text cell that starts like a formula, in a way the import reads back", () => {
    const { csv } = exportLieuxCsv(db);
    expect(csv).toContain(",'- accueil sans rendez-vous le matin,");
    expect(csv).toContain(",-0.5792,");
  });

  it("round-trips: export, import into an empty wiki, export again gives the same CSV but for date_maj", () => {
    const first = exportLieuxCsv(db).csv;
    const read = readLieuxCsv(new TextEncoder().encode(first), "lieux.csv");
    if (!read.ok) throw new Error(read.error.message);
    const target = emptyWiki();
    const outcome = applyLieuxImport(target, read, first);
    expect(outcome.acteursCreated.map((a) => a.nom)).toEqual(["Association Le Lien", "Club informatique de Bègles", "Ville de Talence"]);
    expect(outcome.lieuxCreated).toHaveLength(3);
    expect(target.select().from(membership).all()).toEqual([]);
    const second = exportLieuxCsv(target);
    expect(second.skipped).toEqual([]);
    expect(withoutDates(second.csv)).toEqual(withoutDates(first));

    // Importing the same file again changes nothing.
    const again = applyLieuxImport(target, read, first);
    expect(again.plan.lieux.map((l) => l.action)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(again.plan.acteurs.map((a) => a.action)).toEqual(["reuse", "reuse", "reuse"]);
    target.$client.close();
  });

  it("writes overseas numbers with their own country code", () => {
    expect(toInternationalPhone("05 56 12 34 56")).toBe("+33556123456");
    expect(toInternationalPhone("06 90 12 34 56")).toBe("+590690123456");
    expect(toInternationalPhone("05 94 12 34 56")).toBe("+594594123456");
  });
});

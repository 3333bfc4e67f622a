import { describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { buildActeur, buildLieu } from "@/db/factories";
import { acteur, lieu, membership } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import { DomainError } from "../errors";
import { lieuSchemaId } from "../export/lieux-schema";
import { applyLieuxImport } from "./apply";
import { planLieuxImport } from "./plan";
import { readLieuxCsv } from "./read";

const HEADER = "id,pivot,nom,commune,code_postal,adresse,date_maj,services,structure_parente,typologie,telephone,dispositif_programmes_nationaux";

/** A read file of rows given as cells in HEADER's order (empty cells may be left out). */
function csvFile(...rows: string[][]) {
  const text = `${HEADER}\n${rows.map((r) => HEADER.split(",").map((_c, i) => r[i] ?? "").join(",")).join("\n")}\n`;
  const read = readLieuxCsv(new TextEncoder().encode(text), "territoire.csv");
  if (!read.ok) throw new Error(read.error.message);
  return { read, text };
}

const SERVICE = "Aide aux démarches administratives";
let n = 0;
/** A name no other test uses. */
const unique = (prefix: string) => `${prefix} ${++n}-${Math.random().toString(36).slice(2, 7)}`;

describe("applyLieuxImport", () => {
  it("creates acteurs without a member and their lieux, reading typologie and pivot", () => {
    const db = getTestDb();
    const nom = unique("Centre social Bordeaux Nord");
    const { read, text } = csvFile(
      ["a-1", "W332099999", "Accueil numérique", "Bordeaux", "33300", "5 rue Pierre Trébod", "2024-05-02", SERVICE, nom, "CS", "0556000000"],
      ["a-2", "W332099999", "Antenne des Aubiers", "Bordeaux", "33300", "Place Ginette Neveu", "2024-05-02", SERVICE, nom, "CS"],
    );
    const outcome = applyLieuxImport(db, read, text);
    expect(outcome.acteursCreated).toHaveLength(1);
    const created = db.select().from(acteur).where(eq(acteur.id, outcome.acteursCreated[0].id)).get()!;
    expect(created).toMatchObject({ nom, rna: "W332099999", typologie: "centre_social", categorie: "non_lucratif", createdBy: null });
    expect(db.select().from(membership).where(eq(membership.acteurId, created.id)).all()).toEqual([]);
    const lieux = db.select().from(lieu).where(eq(lieu.acteurId, created.id)).orderBy(lieu.id).all();
    expect(lieux.map((l) => [l.nom, l.telephone, l.services])).toEqual([
      ["Accueil numérique", "05 56 00 00 00", [SERVICE]],
      ["Antenne des Aubiers", null, [SERVICE]],
    ]);
  });

  it("matches acteurs by SIRET, then by name, completing a missing SIRET; matches lieux by identity or by our export id", () => {
    const db = getTestDb();
    const bySiret = buildActeur({ nom: unique("Emmaüs Connect"), siret: "44306184100047" });
    const byName = buildActeur({ nom: unique("Médiathèque de Mérignac") });
    const kept = buildLieu(byName.id, { nom: "Salle d'étude", adresse: "19 place Charles de Gaulle", codePostal: "33700", commune: "Mérignac" });
    const renamed = buildLieu(bySiret.id, { nom: "Point relais", adresse: "1 rue A", codePostal: "33000", commune: "Bordeaux" });
    const { read, text } = csvFile(
      // Another name, same SIRET: the same acteur.
      ["x", "44306184100047", "Point relais Bastide", "Bordeaux", "33100", "2 rue B", "2024-05-02", SERVICE, "Emmaus Connect Gironde"],
      // The same lieu (name, address, postal code) of the acteur found by name: a new phone number is an update.
      ["y", "73282932000074", "Salle d'étude", "Mérignac", "33700", "19 place Charles de Gaulle", "2024-05-02", SERVICE, byName.nom, "", "05 56 99 99 99"],
      // The id our export gave the lieu: renamed elsewhere, it updates that lieu.
      [lieuSchemaId(bySiret.nom, renamed), "44306184100047", "Point relais numérique", "Bordeaux", "33000", "1 rue A", "2024-05-02", SERVICE, bySiret.nom],
    );
    const plan = planLieuxImport(db, read, text);
    expect(plan.acteurs.map((a) => [a.existing?.id, a.action])).toEqual([
      [bySiret.id, "reuse"],
      [byName.id, "update"],
    ]);
    expect(plan.lieux.map((l) => [l.line, l.action, l.existing?.id ?? null])).toEqual([
      [2, "create", null],
      [3, "update", kept.id],
      [4, "update", renamed.id],
    ]);
    expect(plan.lieux[1].changes).toEqual(["telephone"]);
    applyLieuxImport(db, read, text, { digest: plan.digest });
    expect(db.select().from(acteur).where(eq(acteur.id, byName.id)).get()!.siret).toBe("73282932000074");
    expect(db.select().from(lieu).where(eq(lieu.id, kept.id)).get()!.telephone).toBe("05 56 99 99 99");
    expect(db.select().from(lieu).where(eq(lieu.id, renamed.id)).get()!.nom).toBe("Point relais numérique");
  });

  it("skips invalid rows and duplicates with their line and column, and notes columns the wiki does not keep", () => {
    const db = getTestDb();
    const nom = unique("Association Pixel");
    const { read, text } = csvFile(
      ["p-1", "", "Atelier Pixel", "Pessac", "3360", "4 allée des Pins", "2024-05-02", SERVICE, nom],
      ["p-2", "", "Atelier Pixel 2", "Pessac", "33600", "5 allée des Pins", "2024-05-02", "Cours de cuisine", nom],
      ["p-3", "12345678901234", "Atelier Pixel 3", "Pessac", "33600", "6 allée des Pins", "2024-05-02", SERVICE, nom, "", "", "France Services"],
      ["p-4", "", "Atelier Pixel 3", "Pessac", "33600", "6 allée des Pins", "2024-05-02", SERVICE, nom],
    );
    const plan = planLieuxImport(db, read, text);
    expect(plan.lieux.map((l) => [l.line, l.action, l.problems.map((p) => p.column)])).toEqual([
      [2, "skip", ["code_postal"]],
      [3, "skip", ["services"]],
      [4, "create", []],
      [5, "skip", ["nom"]],
    ]);
    expect(plan.lieux[0].problems[0]).toEqual({ column: "code_postal", messageFr: "Le code postal compte 5 chiffres, par exemple 33000.", messageEn: 'code_postal "3360" is not valid' });
    expect(plan.lieux[1].problems[0].messageFr).toBe("« Cours de cuisine » ne fait pas partie des choix de « Services proposés ».");
    expect(plan.notes.map((note) => [note.line ?? null, note.column])).toEqual([
      [4, "pivot"],
      [null, "dispositif_programmes_nationaux"],
    ]);
    const outcome = applyLieuxImport(db, read, text);
    expect(outcome.lieuxCreated.map((l) => [l.line, l.nom])).toEqual([[4, "Atelier Pixel 3"]]);
  });

  it("writes nothing when any part fails: the import is one transaction", () => {
    const db = getTestDb();
    const nom = unique("Régie de quartier");
    // A trigger stands for any failure in the middle of the import (a disk error, a constraint…).
    db.$client.exec(`CREATE TEMP TRIGGER refuse_boom BEFORE INSERT ON lieu WHEN NEW.nom = 'Boom' BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    try {
      const { read, text } = csvFile(
        ["r-1", "", "Premier lieu", "Cenon", "33150", "1 rue C", "2024-05-02", SERVICE, nom],
        ["r-2", "", "Boom", "Cenon", "33150", "2 rue C", "2024-05-02", SERVICE, nom],
      );
      expect(() => applyLieuxImport(db, read, text)).toThrow("boom");
      expect(db.select().from(acteur).where(eq(acteur.nom, nom)).all()).toEqual([]);
      expect(db.select().from(lieu).where(inArray(lieu.nom, ["Premier lieu", "Boom"])).all()).toEqual([]);
    } finally {
      db.$client.exec("DROP TRIGGER refuse_boom");
    }
  });

  it("refuses to confirm a preview whose plan has changed since", () => {
    const db = getTestDb();
    const nom = unique("Espace public numérique");
    const { read, text } = csvFile(["e-1", "", "EPN du centre", "Lormont", "33310", "1 rue D", "2024-05-02", SERVICE, nom]);
    const preview = planLieuxImport(db, read, text);
    buildActeur({ nom });
    expect(() => applyLieuxImport(db, read, text, { digest: preview.digest })).toThrow(DomainError);
    expect(db.select().from(lieu).where(eq(lieu.nom, "EPN du centre")).all()).toEqual([]);
  });
});

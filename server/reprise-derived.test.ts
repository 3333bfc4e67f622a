import { describe, expect, it } from "vitest";
import { buildActeur, buildUser } from "@/db/factories";
import { listFiches } from "@/db/queries/fiche";
import { listKnownCommunes, listReprisesOfFiche } from "@/db/queries/reprise";
import { getViewerById } from "@/db/queries/viewer";
import { reprise } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import { getCoverage } from "./couverture";
import { insertFiche } from "./fiche";
import { followTarget, listFollowerIds } from "./follow";
import { mergeFiches } from "./moderation";

// Everything derived from take-ups is read from the reprise rows: these tests write the rows
// straight, and read the fiche list, the cards' figure and the coverage back.

let n = 0;
const buildPratique = () => insertFiche(getTestDb(), { type: "pratique", titre: `Permanence ${++n}`, createdBy: null, statut: "publiee" });

function declare(ficheId: number, commune: string, acteurId = buildActeur().id) {
  getTestDb().insert(reprise).values({ ficheId, acteurId, commune, depuis: "2023-01" }).run();
}

describe("what take-ups feed", () => {
  it("filters the fiche list to the practices taken up, each with its commune count", () => {
    const db = getTestDb();
    const taken = buildPratique();
    const other = buildPratique();
    declare(taken.id, "Pessac");
    declare(taken.id, "PESSAC");
    declare(taken.id, "Mérignac");
    const filtered = listFiches(db, { reprise: "oui", pageSize: 100 }, null).items;
    expect(filtered.map((f) => f.id)).toContain(taken.id);
    expect(filtered.map((f) => f.id)).not.toContain(other.id);
    expect(filtered.find((f) => f.id === taken.id)!.repriseCommunes).toBe(2);
    expect(listFiches(db, { pageSize: 100 }, null).items.find((f) => f.id === other.id)!.repriseCommunes).toBe(0);
  });

  it("counts take-ups on the coverage page, and places the practice in the communes that took it up", () => {
    const db = getTestDb();
    const before = getCoverage(db).reprises;
    const fiche = buildPratique();
    declare(fiche.id, "Cenon-sur-Garonne");
    declare(fiche.id, "Lormont-les-Bains");
    const after = getCoverage(db);
    expect(after.reprises).toEqual({ reprises: before.reprises + 2, fiches: before.fiches + 1, communes: before.communes + 2 });
    const row = after.themeCommune.rows.findIndex((r) => r.label === "Cenon-sur-Garonne");
    expect(row).toBeGreaterThanOrEqual(0);
    expect(after.themeCommune.cells[row].reduce((sum, cell) => sum + cell.fiches, 0)).toBe(1);
  });

  it("suggests each known commune once", () => {
    const db = getTestDb();
    declare(buildPratique().id, "Saint-Loubès");
    declare(buildPratique().id, "saint loubes");
    expect(listKnownCommunes(db).filter((c) => c.toLowerCase().startsWith("saint-loub") || c.toLowerCase().startsWith("saint loub"))).toEqual(["Saint-Loubès"]);
  });

  it("moves take-ups and follows of a merged fiche onto the fiche it was merged into", () => {
    const db = getTestDb();
    const [source, target] = [buildPratique(), buildPratique()];
    const both = buildActeur().id;
    declare(source.id, "Source-ville", both);
    declare(target.id, "Cible-ville", both);
    declare(source.id, "Eysines");
    const [reader, fan] = [buildUser(), buildUser()];
    followTarget(db, reader.id, "fiche", source.id);
    followTarget(db, reader.id, "fiche", target.id);
    followTarget(db, fan.id, "fiche", source.id);
    mergeFiches(db, getViewerById(db, buildUser({ role: "moderateur" }).id), { sourceId: source.id, targetId: target.id });
    expect(listReprisesOfFiche(db, source.id)).toEqual([]);
    expect(listReprisesOfFiche(db, target.id).map((r) => r.commune).sort()).toEqual(["Cible-ville", "Eysines"]);
    expect(listFollowerIds(db, "fiche", source.id)).toEqual([]);
    expect(listFollowerIds(db, "fiche", target.id).sort()).toEqual([reader.id, fan.id].sort());
  });
});

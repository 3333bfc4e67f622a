import { beforeEach, describe, expect, it, vi } from "vitest";
import { buildActeur, buildUser } from "@/db/factories";
import { countRepriseCommunes, listReprisesOfActeur, listReprisesOfFiche } from "@/db/queries/reprise";
import { getViewerById } from "@/db/queries/viewer";
import { getTestDb } from "@/db/testing";
import type { FicheType } from "@/lib/fiche/values";
import { currentMonth } from "@/lib/reprise/schema";
import { domainErrorOf } from "./domain-error-testing";
import { insertFiche } from "./fiche";
import { recordEvent } from "./notification";
import { declareReprise, withdrawReprise } from "./reprise";
import { searchWiki } from "./search";
import { emptyFilters } from "@/lib/search/params";

vi.mock("./notification", () => ({ recordEvent: vi.fn() }));

let n = 0;
const buildFiche = (type: FicheType = "pratique", statut: "brouillon" | "publiee" = "publiee") =>
  insertFiche(getTestDb(), { type, titre: `Atelier ${++n}`, createdBy: null, statut });

function memberOf() {
  const person = buildUser();
  const structure = buildActeur({ members: [person] });
  return { viewer: getViewerById(getTestDb(), person.id)!, acteur: structure };
}

const details = { commune: "Bègles", depuis: "2024-09", changements: "Le samedi matin plutôt que le mercredi." };

describe("reprise", () => {
  beforeEach(() => vi.mocked(recordEvent).mockClear());

  it("lets a member declare its acteur's take-up, shown on the fiche and the acteur, and tells the followers once", () => {
    const db = getTestDb();
    const { viewer, acteur } = memberOf();
    const fiche = buildFiche();
    const first = declareReprise(db, viewer, { ...details, ficheId: fiche.id, acteurId: acteur.id });
    expect(first.created).toBe(true);
    expect(recordEvent).toHaveBeenCalledWith(db, { kind: "reprise", repriseId: first.reprise.id, ficheId: fiche.id, acteurId: acteur.id, actorId: viewer.id });
    expect(listReprisesOfFiche(db, fiche.id)).toMatchObject([{ acteurSlug: acteur.slug, commune: "Bègles", depuis: "2024-09" }]);
    expect(listReprisesOfActeur(db, acteur.id)).toMatchObject([{ ficheSlug: fiche.slug }]);

    const again = declareReprise(db, viewer, { ...details, commune: "Talence", ficheId: fiche.id, acteurId: acteur.id });
    expect(again).toMatchObject({ created: false, reprise: { id: first.reprise.id, commune: "Talence" } });
    expect(listReprisesOfFiche(db, fiche.id)).toHaveLength(1);
    expect(recordEvent).toHaveBeenCalledTimes(1);
  });

  it("refuses a person who is not a member of the acteur, and a visitor", () => {
    const db = getTestDb();
    const { viewer } = memberOf();
    const other = buildActeur();
    const fiche = buildFiche();
    expect(domainErrorOf(() => declareReprise(db, viewer, { ...details, ficheId: fiche.id, acteurId: other.id })).code).toBe("forbidden");
    expect(domainErrorOf(() => declareReprise(db, null, { ...details, ficheId: fiche.id, acteurId: other.id })).code).toBe("forbidden");
    expect(listReprisesOfFiche(db, fiche.id)).toEqual([]);
  });

  it("lets a moderator declare for any acteur", () => {
    const db = getTestDb();
    const moderator = getViewerById(db, buildUser({ role: "moderateur" }).id)!;
    const structure = buildActeur();
    const fiche = buildFiche("fiche_pratique");
    expect(declareReprise(db, moderator, { ...details, ficheId: fiche.id, acteurId: structure.id }).created).toBe(true);
  });

  it("refuses ideas and drafts", () => {
    const db = getTestDb();
    const { viewer, acteur } = memberOf();
    for (const fiche of [buildFiche("idee"), buildFiche("pratique", "brouillon")]) {
      expect(domainErrorOf(() => declareReprise(db, viewer, { ...details, ficheId: fiche.id, acteurId: acteur.id })).code).toBe("reprise_closed");
    }
  });

  it("withdraws a take-up, for members only", () => {
    const db = getTestDb();
    const { viewer, acteur } = memberOf();
    const stranger = memberOf().viewer;
    const fiche = buildFiche();
    declareReprise(db, viewer, { ...details, ficheId: fiche.id, acteurId: acteur.id });
    expect(domainErrorOf(() => withdrawReprise(db, stranger, { ficheId: fiche.id, acteurId: acteur.id })).code).toBe("forbidden");
    withdrawReprise(db, viewer, { ficheId: fiche.id, acteurId: acteur.id });
    expect(listReprisesOfFiche(db, fiche.id)).toEqual([]);
    expect(domainErrorOf(() => withdrawReprise(db, viewer, { ficheId: fiche.id, acteurId: acteur.id })).code).toBe("reprise_not_found");
  });

  it("counts communes once whatever their spelling", () => {
    const db = getTestDb();
    const fiche = buildFiche();
    for (const commune of ["Saint-Médard-en-Jalles", "saint medard en jalles", "Bordeaux"]) {
      const { viewer, acteur } = memberOf();
      declareReprise(db, viewer, { ...details, commune, ficheId: fiche.id, acteurId: acteur.id });
    }
    expect(countRepriseCommunes(db, [fiche.id, buildFiche().id])).toEqual(new Map([[fiche.id, 2]]));
  });

  it("puts the fiche under the search facet « Pratiques reprises » from its first take-up until the last is withdrawn", () => {
    const db = getTestDb();
    const { viewer, acteur } = memberOf();
    const fiche = insertFiche(db, { type: "pratique", titre: "Kamishibaï numérique", createdBy: null, statut: "publiee" });
    const taken = () => searchWiki(db, { q: "kamishibaï", filters: { ...emptyFilters(), reprise: ["oui"] } });
    expect(taken().total).toBe(0);
    declareReprise(db, viewer, { ...details, ficheId: fiche.id, acteurId: acteur.id });
    const found = taken();
    expect(found.results.map((r) => r.href)).toEqual([`/fiches/${fiche.slug}`]);
    expect(found.facets.find((f) => f.facet === "reprise")?.options).toEqual([{ value: "oui", label: "Pratiques reprises", count: 1, selected: true }]);
    withdrawReprise(db, viewer, { ficheId: fiche.id, acteurId: acteur.id });
    expect(taken().total).toBe(0);
  });

  it("starts no later than this month", () => {
    expect(currentMonth(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01");
  });
});

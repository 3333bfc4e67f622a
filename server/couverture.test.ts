import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildActeur, buildLieu } from "@/db/factories";
import { getTestDb } from "@/db/testing";
import { fiche, ficheLieu, ficheTerm, taxonomyTerm } from "@/db/schema";
import { getCoverage, publicServiceCsv, themeCommuneCsv, type CoverageMatrix } from "./couverture";

const db = getTestDb();

function addFiche(values: { titre: string; commune?: string; themes?: string[]; publics?: string[]; lieux?: number[]; statut?: "publiee" | "brouillon"; masquee?: boolean }) {
  const created = db
    .insert(fiche)
    .values({ slug: values.titre.toLowerCase().replace(/\W+/g, "-"), type: "pratique", titre: values.titre, commune: values.commune ?? null, statut: values.statut ?? "publiee", masquee: values.masquee ?? false })
    .returning()
    .get();
  for (const [taxonomy, slugs] of [["theme", values.themes ?? []], ["public", values.publics ?? []]] as const) {
    for (const slug of slugs) {
      const term = db.select().from(taxonomyTerm).where(and(eq(taxonomyTerm.taxonomy, taxonomy), eq(taxonomyTerm.slug, slug))).get()!;
      db.insert(ficheTerm).values({ ficheId: created.id, termId: term.id }).run();
    }
  }
  for (const lieuId of values.lieux ?? []) db.insert(ficheLieu).values({ ficheId: created.id, lieuId }).run();
}

/** The cell at a row and column, found by their labels. */
function cell(matrix: CoverageMatrix, row: string, column: string) {
  const r = matrix.rows.findIndex((x) => x.label === row);
  const c = matrix.columns.findIndex((x) => x.label === column);
  if (r < 0 || c < 0) throw new Error(`No cell ${row} × ${column}`);
  return matrix.cells[r][c];
}

const mairie = buildActeur({ themes: ["service-public", "emploi"] });
const sansTheme = buildActeur();
const guichet = buildLieu(mairie.id, { commune: "Bègles", services: ["Aide aux démarches administratives"], priseEnChargeSpecifique: ["Surdité"] });
buildLieu(mairie.id, { commune: "BEGLES", services: ["Insertion professionnelle via le numérique"], publicsSpecifiquementAdresses: ["Jeunes"] });
buildLieu(sansTheme.id, { commune: "Cenon", services: ["Loisirs et créations numériques"], publicsSpecifiquementAdresses: ["Seniors"] });
addFiche({ titre: "Permanence CAF", commune: "Bègles", themes: ["service-public"], publics: ["personnes-handicap"] });
addFiche({ titre: "Café numérique", themes: ["lien-social"], lieux: [guichet.id] });
addFiche({ titre: "Sans rien" });
addFiche({ titre: "Brouillon", commune: "Bègles", themes: ["service-public"], statut: "brouillon" });
addFiche({ titre: "Masquée", commune: "Bègles", themes: ["service-public"], masquee: true });
addFiche({ titre: "=HYPERLINK(\"http://x\")", commune: "=cmd|' /C calc'!A0", themes: ["culture"] });

describe("coverage by commune and theme", () => {
  const { themeCommune, summary } = getCoverage(db);

  it("counts lieux by their acteur's themes and fiches by their commune or their lieux', one row per commune whatever the spelling", () => {
    expect(themeCommune.rows.map((r) => r.label)).toEqual(["=cmd|' /C calc'!A0", "Bègles", "Cenon", "Commune non précisée"]);
    expect(cell(themeCommune, "Bègles", "Service public")).toEqual({ fiches: 1, lieux: 2 });
    expect(cell(themeCommune, "Bègles", "Emploi")).toEqual({ fiches: 0, lieux: 2 });
    expect(cell(themeCommune, "Bègles", "Lien social")).toEqual({ fiches: 1, lieux: 0 });
    expect(cell(themeCommune, "Cenon", "Sans thème")).toEqual({ fiches: 0, lieux: 1 });
    expect(cell(themeCommune, "Commune non précisée", "Sans thème")).toEqual({ fiches: 1, lieux: 0 });
  });

  it("keeps the empty cells, which are the gaps, and leaves drafts and hidden fiches out", () => {
    expect(cell(themeCommune, "Cenon", "Santé")).toEqual({ fiches: 0, lieux: 0 });
    const total = themeCommune.cells.flat().reduce((sum, c) => sum + c.fiches, 0);
    expect(total).toBe(4);
    expect(summary).toEqual({ fiches: 4, fichesSansTheme: 1, fichesSansCommune: 1, lieux: 3, lieuxSansTheme: 1 });
  });

  it("downloads as CSV with one line per cell, and formula-shaped cells neutralised", () => {
    const csv = themeCommuneCsv(themeCommune);
    const lines = csv.replace(/^\ufeff/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("commune,theme,fiches,lieux");
    expect(lines).toHaveLength(1 + themeCommune.rows.length * themeCommune.columns.length);
    expect(lines).toContain("Bègles,Service public,1,2");
    expect(lines).toContain("Cenon,Santé,0,0");
    expect(lines).toContain(`'=cmd|' /C calc'!A0,Culture,1,0`);
    expect(csv.startsWith("\ufeff")).toBe(true);
  });
});

describe("coverage by public and service", () => {
  const { publicService } = getCoverage(db);

  it("counts lieux by the publics and support they declare, those without a specific public as tout public", () => {
    expect(cell(publicService, "Surdité", "Aide aux démarches administratives").lieux).toBe(1);
    expect(cell(publicService, "Tout public", "Aide aux démarches administratives").lieux).toBe(1);
    expect(cell(publicService, "Jeunes", "Insertion professionnelle via le numérique").lieux).toBe(1);
    expect(cell(publicService, "Tout public", "Insertion professionnelle via le numérique").lieux).toBe(0);
    expect(cell(publicService, "Seniors", "Loisirs et créations numériques").lieux).toBe(1);
  });

  it("counts fiches through the correspondences: their publics, and the themes of each service", () => {
    // "Permanence CAF": service-public → démarches; personnes-handicap → each disability support.
    expect(cell(publicService, "Surdité", "Aide aux démarches administratives").fiches).toBe(1);
    expect(cell(publicService, "Déficience visuelle", "Aide aux démarches administratives").fiches).toBe(1);
    expect(cell(publicService, "Seniors", "Aide aux démarches administratives")).toEqual({ fiches: 0, lieux: 0 });
    // The formula-titled fiche has no public: tout public, culture → loisirs.
    expect(cell(publicService, "Tout public", "Loisirs et créations numériques").fiches).toBe(1);
  });

  it("downloads as CSV with the list each public comes from", () => {
    const lines = publicServiceCsv(publicService).replace(/^\ufeff/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("public,liste,service,fiches,lieux");
    expect(lines).toHaveLength(1 + 13 * 9);
    expect(lines).toContain("Surdité,Prise en charge spécifique,Aide aux démarches administratives,1,1");
    expect(lines).toContain("Femmes,Publics spécifiquement adressés,Accès internet et matériel informatique,0,0");
  });
});

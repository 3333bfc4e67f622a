import type { Db } from "@/db/client";
import { listCoverageFiches, listCoverageLieux, type CoverageFiche, type CoverageLieu } from "@/db/queries/couverture";
import { listTermsByTaxonomy } from "@/db/queries/taxonomy";
import { LIEU_PRISES_EN_CHARGE_SPECIFIQUES, LIEU_PUBLICS_SPECIFIQUEMENT_ADRESSES, LIEU_SERVICES } from "@/lib/lieu/labels";
import { PERSON_PUBLIC_TERMS, SERVICE_THEMES, type LieuPublic, type LieuService, type ThemeRef } from "@/lib/orientation/needs";
import { countCommunes } from "@/lib/reprise/values";
import { foldText } from "@/lib/slug";
import { toCsv } from "./export/csv";

// "Show what is missing, not only what exists" (Livre blanc): every cell of these tables is
// counted, the empty ones included, so that the gaps are as visible as the rest.

export type CoverageCell = { fiches: number; lieux: number };
export type CoverageAxis = { key: string; label: string; group?: string };
export type CoverageMatrix = { rows: CoverageAxis[]; columns: CoverageAxis[]; cells: CoverageCell[][] };

export type CoverageSummary = { fiches: number; fichesSansTheme: number; fichesSansCommune: number; lieux: number; lieuxSansTheme: number };

export const UNSPECIFIED = "";
export const TOUT_PUBLIC = "Tout public";
const PUBLICS_GROUP = "Publics spécifiquement adressés";
const SUPPORTS_GROUP = "Prise en charge spécifique";

const fold = (text: string) => foldText(text).replace(/[^a-z0-9]+/g, " ").trim();

function emptyCells(rows: number, columns: number): CoverageCell[][] {
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => ({ fiches: 0, lieux: 0 })));
}

/** The communes named by lieux and fiches, one spelling each (the most used), in French order. */
function communeAxis(lieux: CoverageLieu[], fiches: CoverageFiche[]): CoverageAxis[] {
  const spellings = new Map<string, Map<string, number>>();
  for (const name of [...lieux.map((l) => l.commune), ...fiches.flatMap((f) => f.communes)]) {
    const key = fold(name);
    if (!key) continue;
    const counts = spellings.get(key) ?? new Map<string, number>();
    counts.set(name, (counts.get(name) ?? 0) + 1);
    spellings.set(key, counts);
  }
  return [...spellings.entries()]
    .map(([key, counts]) => ({ key, label: [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0] }))
    .sort((a, b) => a.label.localeCompare(b.label, "fr"));
}

/**
 * Fiches and lieux by commune (rows) and theme (columns). A lieu takes its acteur's themes; a fiche
 * counts in its own commune and in those of its lieux. Rows and columns for what is not said
 * ("Commune non précisée", "Sans thème") appear when something falls there.
 */
export function themeCommuneMatrix(lieux: CoverageLieu[], fiches: CoverageFiche[], themes: ThemeRef[]): CoverageMatrix {
  const rows = communeAxis(lieux, fiches);
  const columns: CoverageAxis[] = themes.map((t) => ({ key: t.slug, label: t.label }));
  const known = new Set(themes.map((t) => t.slug));
  const themesOf = (slugs: string[]) => {
    const kept = slugs.filter((s) => known.has(s));
    return kept.length ? [...new Set(kept)] : [UNSPECIFIED];
  };
  const lieuThemes = lieux.map((l) => themesOf(l.themes));
  const ficheThemes = fiches.map((f) => themesOf(f.themes));
  const ficheCommunes = fiches.map((f) => {
    const keys = [...new Set(f.communes.map(fold).filter(Boolean))];
    return keys.length ? keys : [UNSPECIFIED];
  });
  const lieuCommunes = lieux.map((l) => fold(l.commune) || UNSPECIFIED);
  if (lieuCommunes.includes(UNSPECIFIED) || ficheCommunes.some((c) => c[0] === UNSPECIFIED)) rows.push({ key: UNSPECIFIED, label: "Commune non précisée" });
  if ([...lieuThemes, ...ficheThemes].some((t) => t[0] === UNSPECIFIED)) columns.push({ key: UNSPECIFIED, label: "Sans thème" });

  const rowIndex = new Map(rows.map((r, i) => [r.key, i]));
  const columnIndex = new Map(columns.map((c, i) => [c.key, i]));
  const cells = emptyCells(rows.length, columns.length);
  lieux.forEach((_, i) => {
    for (const theme of lieuThemes[i]) cells[rowIndex.get(lieuCommunes[i])!][columnIndex.get(theme)!].lieux++;
  });
  fiches.forEach((_, i) => {
    for (const commune of ficheCommunes[i]) for (const theme of ficheThemes[i]) cells[rowIndex.get(commune)!][columnIndex.get(theme)!].fiches++;
  });
  return { rows, columns, cells };
}

/**
 * Fiches and lieux by public (rows: the national publics, specific support, then "Tout public")
 * and service (columns: the national list). Lieux are counted by what they declare; fiches through
 * the correspondences of lib/orientation/needs (their publics, and the themes of each service).
 */
export function publicServiceMatrix(lieux: CoverageLieu[], fiches: CoverageFiche[]): CoverageMatrix {
  const rows: CoverageAxis[] = [
    ...LIEU_PUBLICS_SPECIFIQUEMENT_ADRESSES.map((p) => ({ key: p, label: p, group: PUBLICS_GROUP })),
    ...LIEU_PRISES_EN_CHARGE_SPECIFIQUES.map((p) => ({ key: p, label: p, group: SUPPORTS_GROUP })),
    { key: TOUT_PUBLIC, label: TOUT_PUBLIC, group: TOUT_PUBLIC },
  ];
  const columns: CoverageAxis[] = LIEU_SERVICES.map((s) => ({ key: s, label: s }));
  const rowIndex = new Map(rows.map((r, i) => [r.key, i]));
  const cells = emptyCells(rows.length, columns.length);
  for (const l of lieux) {
    const who = [...l.publics, ...l.supports, ...(l.publics.length ? [] : [TOUT_PUBLIC])].filter((p) => rowIndex.has(p));
    LIEU_SERVICES.forEach((service, c) => {
      if (l.services.includes(service)) for (const p of new Set(who)) cells[rowIndex.get(p)!][c].lieux++;
    });
  }
  for (const f of fiches) {
    const who = rows
      .filter((r) =>
        r.key === TOUT_PUBLIC ? !f.publics.length || f.publics.includes("tout-public") : PERSON_PUBLIC_TERMS[r.key as LieuPublic].some((t) => f.publics.includes(t)),
      )
      .map((r) => r.key);
    LIEU_SERVICES.forEach((service: LieuService, c) => {
      if (SERVICE_THEMES[service].some((t) => f.themes.includes(t))) for (const p of who) cells[rowIndex.get(p)!][c].fiches++;
    });
  }
  return { rows, columns, cells };
}

/** How much of the wiki is not classed yet: what makes the tables less exact. */
export function coverageSummary(lieux: CoverageLieu[], fiches: CoverageFiche[]): CoverageSummary {
  return {
    fiches: fiches.length,
    fichesSansTheme: fiches.filter((f) => !f.themes.length).length,
    fichesSansCommune: fiches.filter((f) => !f.communes.length).length,
    lieux: lieux.length,
    lieuxSansTheme: lieux.filter((l) => !l.themes.length).length,
  };
}

/** How far practices travel: take-ups declared, the fiches taken up, and the communes they were taken up in. */
export type RepriseSummary = { reprises: number; fiches: number; communes: number };

/** The « Nous l'avons reprise » figures of the published fiches. */
export function repriseSummary(fiches: CoverageFiche[]): RepriseSummary {
  const taken = fiches.filter((f) => f.repriseCommunes.length > 0);
  return { reprises: taken.reduce((n, f) => n + f.repriseCommunes.length, 0), fiches: taken.length, communes: countCommunes(taken.flatMap((f) => f.repriseCommunes)) };
}

/** Both coverage tables and the summaries, read from the database. */
export function getCoverage(db: Db): { themeCommune: CoverageMatrix; publicService: CoverageMatrix; summary: CoverageSummary; reprises: RepriseSummary } {
  const lieux = listCoverageLieux(db);
  const fiches = listCoverageFiches(db);
  const themes = listTermsByTaxonomy(db, "theme").map((t) => ({ slug: t.slug, label: t.label }));
  return {
    themeCommune: themeCommuneMatrix(lieux, fiches, themes),
    publicService: publicServiceMatrix(lieux, fiches),
    summary: coverageSummary(lieux, fiches),
    reprises: repriseSummary(fiches),
  };
}

// Excel reads a CSV as UTF-8 only when it starts with a byte order mark.
const BOM = "\ufeff";

/** The theme × commune table as CSV, one line per cell, the empty ones included. */
export function themeCommuneCsv(matrix: CoverageMatrix): string {
  const lines = matrix.rows.flatMap((row, r) =>
    matrix.columns.map((column, c) => [row.label, column.label, String(matrix.cells[r][c].fiches), String(matrix.cells[r][c].lieux)]),
  );
  return BOM + toCsv(["commune", "theme", "fiches", "lieux"], lines);
}

/** The public × service table as CSV, one line per cell, the empty ones included. */
export function publicServiceCsv(matrix: CoverageMatrix): string {
  const lines = matrix.rows.flatMap((row, r) =>
    matrix.columns.map((column, c) => [row.label, row.group ?? "", column.label, String(matrix.cells[r][c].fiches), String(matrix.cells[r][c].lieux)]),
  );
  return BOM + toCsv(["public", "liste", "service", "fiches", "lieux"], lines);
}

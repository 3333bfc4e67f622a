import type { ExportActeurRow } from "@/db/queries/acteur-export";
import { toCsv } from "./csv";
import { LIEUX_CSV_COLUMNS, lieuSchemaId, toCsvCells, toSchemaRow, validateSchemaRow, type SchemaViolation } from "./lieux-schema";

/** A lieu left out of the standard CSV because it cannot be valid: where to fix it and why. */
export type SkippedLieu = { lieuId: number; nom: string; acteurNom: string; acteurSlug: string; violations: SchemaViolation[] };

/** The lieux CSV and its report: how many lieux it holds, and those that were left out. */
export type LieuxCsvExport = { csv: string; exported: number; skipped: SkippedLieu[] };

/**
 * Every lieu of the directory as a CSV that follows the schéma des lieux de médiation numérique
 * v1.0.2: its 32 columns in order, "|" between several values, an ISO date_maj, the acteur's SIRET
 * or RNA as pivot. Each row is validated with the package's models: a lieu that cannot be valid is
 * reported in `skipped`, never written. The CSV holds no comment line (the schema has none): the
 * licence travels in the HTTP Link header and in the archive's README.
 */
export function renderLieuxCsv(acteurs: ExportActeurRow[]): LieuxCsvExport {
  const rows: string[][] = [];
  const skipped: SkippedLieu[] = [];
  const used = new Set<string>();
  for (const acteur of acteurs) {
    for (const lieu of acteur.lieux) {
      // The id is unique in a file: two lieux with the same identity (a duplicate) get "-2", "-3"…
      const base = lieuSchemaId(acteur.nom, lieu);
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      const row = toSchemaRow(lieu, acteur, id);
      const violations = validateSchemaRow(row);
      if (violations.length) {
        skipped.push({ lieuId: lieu.id, nom: lieu.nom, acteurNom: acteur.nom, acteurSlug: acteur.slug, violations });
        continue;
      }
      used.add(id);
      rows.push(toCsvCells(row));
    }
  }
  return { csv: toCsv(LIEUX_CSV_COLUMNS, rows), exported: rows.length, skipped };
}

/** The report of skipped lieux in English, one line each, for the CLI and the API. */
export function describeSkippedLieux(skipped: SkippedLieu[]): string[] {
  return skipped.map((s) => `Lieu "${s.nom}" of acteur "${s.acteurNom}" (lieu id ${s.lieuId}) was not exported: ${s.violations.map((v) => v.messageEn).join("; ")}.`);
}

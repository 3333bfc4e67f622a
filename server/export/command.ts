import type { Db } from "@/db/client";
import { licenceCitation } from "@/lib/licence";
import { collectExportedFiches, exportActeursCsv, exportArchive, exportContext, exportFichesCsv, exportLieuxCsv, renderFichesJson } from "./index";
import { describeSkippedLieux } from "./lieux-csv";

/** The formats of `npm run wiki -- export`: fiches in JSON or CSV, the .zip of everything (Markdown fiches), acteurs, lieux. */
export const EXPORT_FORMATS = ["json", "csv", "markdown", "lieux-csv", "acteurs-csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An export made for the CLI: its bytes, what it holds, and the warnings to print (in English). */
export type ExportResult = { content: string | Uint8Array; description: string; licence: string; warnings: string[] };

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Builds one export for the command line. */
export function buildExport(db: Db, format: ExportFormat): ExportResult {
  const context = exportContext(db);
  const licence = licenceCitation(context.licence);
  switch (format) {
    case "json": {
      const fiches = collectExportedFiches(db, context);
      return { content: renderFichesJson(fiches, context), description: `${count(fiches.length, "fiche", "fiches")} in JSON`, licence, warnings: [] };
    }
    case "csv":
      return { content: exportFichesCsv(db, context), description: "the fiches in CSV", licence, warnings: [] };
    case "acteurs-csv":
      return { content: exportActeursCsv(db, context), description: "the acteurs in CSV", licence, warnings: [] };
    case "lieux-csv": {
      const lieux = exportLieuxCsv(db);
      return { content: lieux.csv, description: `${count(lieux.exported, "lieu", "lieux")} in the schéma des lieux de médiation numérique v1.0.2`, licence, warnings: describeSkippedLieux(lieux.skipped) };
    }
    case "markdown": {
      const archive = exportArchive(db, context);
      return {
        content: archive.zip,
        description: `an archive of ${count(archive.fiches, "fiche", "fiches")} in Markdown, with the JSON, the CSVs, ${count(archive.lieux.exported, "lieu", "lieux")} and a README`,
        licence,
        warnings: describeSkippedLieux(archive.lieux.skipped),
      };
    }
  }
}

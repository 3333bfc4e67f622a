// Exports of the wiki's public content: fiches in JSON, CSV and Markdown (one, or all in a .zip),
// acteurs in CSV, lieux in the national standard's CSV. Each takes its licence from the admin's
// setting. Exports read the relational projection; a fiche's body comes from its Yjs document.
import type { Db } from "@/db/client";
import { listExportableActeurs } from "@/db/queries/acteur-export";
import { getExportableFicheBySlug, listExportableFiches } from "@/db/queries/fiche-export";
import { publicUrl } from "../config";
import { getContentLicence } from "../licence";
import { renderActeursCsv } from "./acteurs-csv";
import { buildArchive } from "./archive";
import { toExportedFiche, type ExportContext, type ExportedFiche } from "./fiche-record";
import { renderFichesCsv } from "./fiches-csv";
import { renderFichesJson } from "./fiches-json";
import { renderFicheMarkdown } from "./fiches-markdown";
import { renderLieuxCsv, type LieuxCsvExport } from "./lieux-csv";

export type { ExportContext, ExportedFiche } from "./fiche-record";
export type { LieuxCsvExport, SkippedLieu } from "./lieux-csv";

/** The licence, date and address every export of this request cites. */
export function exportContext(db: Db, exportedAt = new Date()): ExportContext {
  return { licence: getContentLicence(db), exportedAt, siteUrl: publicUrl() };
}

/** Every published or archived fiche (never a draft, a hidden or a merged one), as export records. */
export function collectExportedFiches(db: Db, context: ExportContext): ExportedFiche[] {
  return listExportableFiches(db).map((row) => toExportedFiche(db, row, context.siteUrl));
}

/** All exportable fiches as the JSON export. */
export function exportFichesJson(db: Db, context: ExportContext): string {
  return renderFichesJson(collectExportedFiches(db, context), context);
}

/** All exportable fiches as a CSV, one row per fiche. */
export function exportFichesCsv(db: Db, context: ExportContext): string {
  return renderFichesCsv(collectExportedFiches(db, context), context);
}

/** The directory of acteurs as a CSV. */
export function exportActeursCsv(db: Db, context: ExportContext): string {
  return renderActeursCsv(listExportableActeurs(db), context);
}

/** The lieux as the national standard's CSV, with the report of those that cannot be valid. */
export function exportLieuxCsv(db: Db): LieuxCsvExport {
  return renderLieuxCsv(listExportableActeurs(db));
}

/** The file name of a fiche in the archive. */
export function ficheMarkdownName(fiche: ExportedFiche): string {
  return `${fiche.slug}.md`;
}

/** Everything in one .zip (README with the licence and date, fiches in Markdown, JSON, CSV, acteurs, lieux). */
export function exportArchive(db: Db, context: ExportContext): { zip: Uint8Array; fiches: number; lieux: LieuxCsvExport } {
  const fiches = collectExportedFiches(db, context);
  const acteurs = listExportableActeurs(db);
  const lieux = renderLieuxCsv(acteurs);
  const parts = {
    fichesJson: renderFichesJson(fiches, context),
    fichesCsv: renderFichesCsv(fiches, context),
    acteursCsv: renderActeursCsv(acteurs, context),
    lieux,
    markdown: new Map(fiches.map((f) => [ficheMarkdownName(f), renderFicheMarkdown(f, context)])),
  };
  return { zip: buildArchive(fiches, parts, context), fiches: fiches.length, lieux };
}

/** One exportable fiche as the export record, or null when it is unknown, a draft, hidden or merged. */
export function getExportedFiche(db: Db, slug: string, context: ExportContext): ExportedFiche | null {
  const row = getExportableFicheBySlug(db, slug);
  return row ? toExportedFiche(db, row, context.siteUrl) : null;
}

export { renderFicheMarkdown, renderFichesJson };

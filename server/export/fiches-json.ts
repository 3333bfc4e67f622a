import { FICHES_EXPORT_FORMAT, FICHES_EXPORT_VERSION, type ExportContext, type ExportedFiche } from "./fiche-record";

/** The JSON document of a fiche export: format and version, licence, source and date, then the fiches. */
export type FichesJsonDocument = {
  format: typeof FICHES_EXPORT_FORMAT;
  version: typeof FICHES_EXPORT_VERSION;
  licence: { id: string; name: string; url: string };
  source: string;
  exportedAt: string;
  fiches: ExportedFiche[];
};

/** Serialises fiches (one or all) as the wiki's JSON export, readable by importFichesJson. */
export function renderFichesJson(fiches: ExportedFiche[], context: ExportContext): string {
  const document: FichesJsonDocument = {
    format: FICHES_EXPORT_FORMAT,
    version: FICHES_EXPORT_VERSION,
    licence: { id: context.licence.id, name: context.licence.name, url: context.licence.url },
    source: context.siteUrl,
    exportedAt: context.exportedAt.toISOString(),
    fiches,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

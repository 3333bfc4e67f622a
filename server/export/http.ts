import type { Licence } from "@/lib/licence";

/**
 * The headers of a download: its type, a file name, and the licence as a `Link: <…>; rel="license"`
 * (RFC 8288, IANA's "license" relation): the lieux CSV cannot carry it in a comment line.
 */
export function downloadHeaders(filename: string, contentType: string, licence: Licence): Headers {
  return new Headers({
    "content-type": contentType,
    "content-disposition": `attachment; filename="${filename}"`,
    link: `<${licence.url}>; rel="license"`,
    // Content changes with every edit; an export must never be served stale.
    "cache-control": "no-store",
  });
}

/** "fiches-2026-05-02.csv": the export's name and the day it was made (UTC). */
export function datedFilename(name: string, extension: string, date: Date): string {
  return `${name}-${date.toISOString().slice(0, 10)}.${extension}`;
}

export const CSV_TYPE = "text/csv; charset=utf-8";
export const JSON_TYPE = "application/json; charset=utf-8";
export const MARKDOWN_TYPE = "text/markdown; charset=utf-8";
export const ZIP_TYPE = "application/zip";

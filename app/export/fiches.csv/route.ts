import { serveSiteExport } from "@/server/export/download";

export const dynamic = "force-dynamic";

/**
 * Every public fiche as a CSV, one row per fiche, for a spreadsheet.
 * Built once per content version and streamed from DATA_DIR/exports (server/export/store.ts).
 */
export function GET(request: Request) {
  return serveSiteExport(request, "fiches.csv");
}

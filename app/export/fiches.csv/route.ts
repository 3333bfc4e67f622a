import { getDb } from "@/db/client";
import { exportContext, exportFichesCsv } from "@/server/export";
import { CSV_TYPE, datedFilename, downloadHeaders } from "@/server/export/http";

export const dynamic = "force-dynamic";

/** Every public fiche as a CSV, one row per fiche, for a spreadsheet. */
export function GET() {
  const db = getDb();
  const context = exportContext(db);
  return new Response(exportFichesCsv(db, context), { headers: downloadHeaders(datedFilename("fiches", "csv", context.exportedAt), CSV_TYPE, context.licence) });
}

import { getDb } from "@/db/client";
import { exportContext, exportFichesJson } from "@/server/export";
import { datedFilename, downloadHeaders, JSON_TYPE } from "@/server/export/http";

export const dynamic = "force-dynamic";

/** Every public fiche in the wiki's JSON export format (re-importable with `npm run wiki -- import-json`). */
export function GET() {
  const db = getDb();
  const context = exportContext(db);
  return new Response(exportFichesJson(db, context), { headers: downloadHeaders(datedFilename("fiches", "json", context.exportedAt), JSON_TYPE, context.licence) });
}

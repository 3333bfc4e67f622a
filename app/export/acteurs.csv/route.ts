import { getDb } from "@/db/client";
import { exportActeursCsv, exportContext } from "@/server/export";
import { CSV_TYPE, datedFilename, downloadHeaders } from "@/server/export/http";

export const dynamic = "force-dynamic";

/** The directory of acteurs as a CSV (their public profile, never their members). */
export function GET() {
  const db = getDb();
  const context = exportContext(db);
  return new Response(exportActeursCsv(db, context), { headers: downloadHeaders(datedFilename("acteurs", "csv", context.exportedAt), CSV_TYPE, context.licence) });
}

import { getDb } from "@/db/client";
import { exportContext, exportLieuxCsv } from "@/server/export";
import { CSV_TYPE, datedFilename, downloadHeaders } from "@/server/export/http";

export const dynamic = "force-dynamic";

/**
 * The lieux in the schéma des lieux de médiation numérique v1.0.2. The licence is in the Link
 * header; X-Lieux-Skipped counts the lieux left out because they cannot be valid (listed on /export).
 */
export function GET() {
  const db = getDb();
  const context = exportContext(db);
  const { csv, skipped } = exportLieuxCsv(db);
  const headers = downloadHeaders(datedFilename("lieux-mediation-numerique", "csv", context.exportedAt), CSV_TYPE, context.licence);
  headers.set("x-lieux-skipped", String(skipped.length));
  return new Response(csv, { headers });
}

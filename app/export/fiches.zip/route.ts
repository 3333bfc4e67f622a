import { getDb } from "@/db/client";
import { exportArchive, exportContext } from "@/server/export";
import { datedFilename, downloadHeaders, ZIP_TYPE } from "@/server/export/http";

export const dynamic = "force-dynamic";

/** The whole public content in one .zip: README (licence, date), fiches in Markdown, JSON and CSV, acteurs and lieux. */
export function GET() {
  const db = getDb();
  const context = exportContext(db);
  const { zip } = exportArchive(db, context);
  return new Response(new Uint8Array(zip), {
    headers: downloadHeaders(datedFilename("wiki-solidarite-numerique", "zip", context.exportedAt), ZIP_TYPE, context.licence),
  });
}

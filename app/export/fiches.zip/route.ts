import { serveSiteExport } from "@/server/export/download";

export const dynamic = "force-dynamic";

/**
 * The whole public content in one .zip: README (licence, date), fiches in Markdown, JSON and CSV, acteurs and lieux.
 * Built once per content version and streamed from DATA_DIR/exports (server/export/store.ts).
 */
export function GET(request: Request) {
  return serveSiteExport(request, "fiches.zip");
}

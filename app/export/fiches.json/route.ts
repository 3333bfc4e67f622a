import { serveSiteExport } from "@/server/export/download";

export const dynamic = "force-dynamic";

/**
 * Every public fiche in the wiki's JSON export format (re-importable with `npm run wiki -- import-json`).
 * Built once per content version and streamed from DATA_DIR/exports (server/export/store.ts).
 */
export function GET(request: Request) {
  return serveSiteExport(request, "fiches.json");
}

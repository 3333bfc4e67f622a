import { serveSiteExport } from "@/server/export/download";

export const dynamic = "force-dynamic";

/**
 * The lieux in the schéma des lieux de médiation numérique v1.0.2, the licence in the Link header;
 * X-Lieux-Skipped counts the lieux left out because they cannot be valid (listed on /export).
 * Built once per content version and streamed from DATA_DIR/exports (server/export/store.ts).
 */
export function GET(request: Request) {
  return serveSiteExport(request, "lieux.csv");
}

import { serveSiteExport } from "@/server/export/download";

export const dynamic = "force-dynamic";

/**
 * The directory of acteurs as a CSV (their public profile, never their members).
 * Built once per content version and streamed from DATA_DIR/exports (server/export/store.ts).
 */
export function GET(request: Request) {
  return serveSiteExport(request, "acteurs.csv");
}

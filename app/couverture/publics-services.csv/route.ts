import { getDb } from "@/db/client";
import { getCoverage, publicServiceCsv } from "@/server/couverture";

export const dynamic = "force-dynamic";

/** The public × service coverage table as CSV: public, list, service, fiches, lieux, one line per cell. */
export function GET() {
  return new Response(publicServiceCsv(getCoverage(getDb()).publicService), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": 'attachment; filename="couverture-publics-services.csv"',
      "Cache-Control": "no-store",
    },
  });
}

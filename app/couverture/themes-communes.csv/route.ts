import { getDb } from "@/db/client";
import { getCoverage, themeCommuneCsv } from "@/server/couverture";

export const dynamic = "force-dynamic";

/** The theme × commune coverage table as CSV: commune, theme, fiches, lieux, one line per cell. */
export function GET() {
  return new Response(themeCommuneCsv(getCoverage(getDb()).themeCommune), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": 'attachment; filename="couverture-themes-communes.csv"',
      "Cache-Control": "no-store",
    },
  });
}

import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { getFicheLinkLabels, searchFicheLinkSuggestions } from "@/db/queries/fiche-link-suggestion";
import { getCurrentViewer } from "@/server/session";

export const dynamic = "force-dynamic";

const MAX_SUGGESTIONS = 10;
const MAX_IDS = 100;

/**
 * The fiche editor's wiki links: `?q=` gives up to ten fiches to link to (published ones and the
 * viewer's own drafts, by title), `?ids=1,2` what the links to these fiches show now. Drafts and
 * hidden fiches are named only to those who may read them.
 */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const viewer = await getCurrentViewer();
  const ids = params.get("ids");
  if (ids !== null) {
    const list = [...new Set(ids.split(",").map(Number))].filter((n) => Number.isSafeInteger(n) && n > 0).slice(0, MAX_IDS);
    return NextResponse.json({ fiches: getFicheLinkLabels(getDb(), list, viewer) }, { headers: { "Cache-Control": "private, no-store" } });
  }
  const q = (params.get("q") ?? "").slice(0, 100);
  return NextResponse.json({ fiches: searchFicheLinkSuggestions(getDb(), q, viewer, MAX_SUGGESTIONS) }, { headers: { "Cache-Control": "private, no-store" } });
}

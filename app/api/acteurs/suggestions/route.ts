import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { getLinkedActeurs, searchActeurSuggestions } from "@/db/queries/acteur-suggestion";

export const dynamic = "force-dynamic";

const MAX_SUGGESTIONS = 10;
const MAX_IDS = 50;

/**
 * The fiche editor's acteur picker: `?q=` gives up to ten acteurs whose name matches,
 * `?ids=1,2` the named acteurs with their lieux. Acteurs are public, so is this.
 */
export function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const ids = params.get("ids");
  if (ids !== null) {
    const list = ids
      .split(",")
      .map(Number)
      .filter((n) => Number.isSafeInteger(n) && n > 0)
      .slice(0, MAX_IDS);
    return NextResponse.json({ acteurs: getLinkedActeurs(getDb(), list) });
  }
  const q = (params.get("q") ?? "").slice(0, 100);
  return NextResponse.json({ acteurs: searchActeurSuggestions(getDb(), q, MAX_SUGGESTIONS) });
}

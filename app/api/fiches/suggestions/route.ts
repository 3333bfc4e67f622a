import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { searchFicheSuggestions } from "@/db/queries/fiche-suggestion";

export const dynamic = "force-dynamic";

const MAX_SUGGESTIONS = 10;

/**
 * The catalogue editor's fiche picker: `?q=` gives up to ten published fiches whose title matches.
 * Published fiches are public, so is this; drafts are never offered.
 */
export function GET(request: NextRequest) {
  const q = (request.nextUrl.searchParams.get("q") ?? "").slice(0, 100);
  return NextResponse.json({ fiches: searchFicheSuggestions(getDb(), q, MAX_SUGGESTIONS) });
}

import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { SEARCH_QUERY_MAX } from "@/lib/search/params";
import { suggestSearch } from "@/server/search";

export const dynamic = "force-dynamic";

/** `?q=` gives up to eight titles of published fiches and names of acteurs for the header search box. */
export function GET(request: NextRequest) {
  const q = (request.nextUrl.searchParams.get("q") ?? "").slice(0, SEARCH_QUERY_MAX);
  return NextResponse.json({ suggestions: suggestSearch(getDb(), q) }, { headers: { "Cache-Control": "no-store" } });
}

import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { searchMentionablePeople } from "@/server/comment-discussion";
import { getCurrentViewer } from "@/server/session";

export const dynamic = "force-dynamic";

/** The comment composer's "@" picker: signed-in people only, since it lists accounts' names. */
export async function GET(request: NextRequest) {
  if (!(await getCurrentViewer())) return NextResponse.json({ error: "Connectez-vous pour mentionner quelqu'un." }, { status: 401 });
  const q = (request.nextUrl.searchParams.get("q") ?? "").slice(0, 100);
  return NextResponse.json({ personnes: searchMentionablePeople(getDb(), q) });
}

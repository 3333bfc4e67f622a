import { getDb } from "@/db/client";
import { publicUrl } from "@/server/config";
import { ATOM_CONTENT_TYPE } from "@/server/feed/atom";
import { renderRecentChangesFeed } from "@/server/feed/feeds";
import { readRecentChangesFilters } from "../filters";

export const dynamic = "force-dynamic";

/** The Atom feed of the recent changes, with the same filters as the page (?type=, ?acteur=, ?theme=). */
export function GET(request: Request) {
  const { filters, scope } = readRecentChangesFilters(Object.fromEntries(new URL(request.url).searchParams));
  const xml = renderRecentChangesFeed(getDb(), { type: filters.type, acteur: filters.acteur, theme: filters.theme }, publicUrl(), scope);
  // Revalidated on every read: a fiche hidden by a moderator must leave the feed at once.
  return new Response(xml, { headers: { "content-type": ATOM_CONTENT_TYPE, "cache-control": "no-cache" } });
}

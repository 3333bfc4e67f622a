import { getDb } from "@/db/client";
import { personalFeedPath } from "@/lib/notification/feed";
import { publicUrl } from "@/server/config";
import { ATOM_CONTENT_TYPE } from "@/server/feed/atom";
import { renderPersonalFeed } from "@/server/notification-feed";
import { getUserByFeedToken } from "@/server/notification-setting";

export const dynamic = "force-dynamic";

/** A person's notifications as Atom, behind the secret address made on /compte/notifications; a renewed or unknown secret is a 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = getDb();
  const person = getUserByFeedToken(db, token);
  if (!person) return new Response("Ce flux n'existe pas ou son adresse a été renouvelée.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const xml = renderPersonalFeed(db, person, publicUrl(), `${publicUrl()}${personalFeedPath(token)}`);
  // Private to its owner: no shared cache may keep it.
  return new Response(xml, { headers: { "content-type": ATOM_CONTENT_TYPE, "cache-control": "private, no-cache", "x-robots-tag": "noindex" } });
}

import { getDb } from "@/db/client";
import { countUnreadNotifications, listUnreadNotificationsAfter } from "@/server/notification-inbox";
import { getCurrentViewer } from "@/server/session";

export const dynamic = "force-dynamic";

/** The signed-in person's unread count and the unread notifications after ?apres=<id>: what the bell and the open list poll. */
export async function GET(request: Request) {
  const viewer = await getCurrentViewer();
  if (!viewer) return Response.json({ error: "Connectez-vous pour voir vos notifications." }, { status: 401 });
  const after = Number(new URL(request.url).searchParams.get("apres") ?? "");
  const db = getDb();
  const nouvelles = Number.isInteger(after) && after >= 0 ? listUnreadNotificationsAfter(db, viewer.id, after) : [];
  return Response.json({ unread: countUnreadNotifications(db, viewer.id), nouvelles }, { headers: { "cache-control": "no-store" } });
}

import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { MarkAllReadForm } from "@/components/notification/MarkAllReadForm";
import { NotificationList } from "@/components/notification/NotificationList";
import { NotificationLive } from "@/components/notification/NotificationLive";
import { countUnreadNotifications, listNotifications } from "@/server/notification-inbox";
import { getCurrentViewer } from "@/server/session";
import { signInHref } from "@/lib/auth/return-path";

export const metadata: Metadata = { title: "Notifications", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function NotificationsPage() {
  const viewer = await getCurrentViewer();
  if (!viewer) redirect(signInHref("/notifications"));
  const db = getDb();
  const notifications = listNotifications(db, viewer.id);
  const unread = countUnreadNotifications(db, viewer.id);
  return (
    <>
      <h1>Notifications</h1>
      <p>
        {unread === 0 ? "Tout est lu." : unread === 1 ? "1 notification non lue." : `${unread} notifications non lues.`}{" "}
        <Link href="/compte/notifications">Régler mes notifications et mes courriels</Link>
      </p>
      {notifications.length > 0 && <MarkAllReadForm />}
      <NotificationLive latestId={notifications[0]?.id ?? 0} />
      <NotificationList notifications={notifications} />
    </>
  );
}

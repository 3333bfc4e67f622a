import { Link } from "@/components/ui/Link";
import type { Notification } from "@/db/schema";

const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" });

/** A person's notifications, newest first; the unread ones say so in words, not only in style. */
export function NotificationList({ notifications }: { notifications: Notification[] }) {
  if (notifications.length === 0) {
    return <p>Aucune notification pour l&apos;instant. Suivez une fiche, un acteur, un thème ou un catalogue pour être tenu au courant.</p>;
  }
  return (
    <ol className="notification-list">
      {notifications.map((n) => (
        <li key={n.id} id={`notification-${n.id}`} className={n.readAt ? "notification" : "notification notification--unread"}>
          {!n.readAt && <span className="notification__badge">Non lue</span>} <Link href={n.url}>{n.message}</Link>{" "}
          <time dateTime={n.createdAt.toISOString()} className="notification__date">
            {dateTime.format(n.createdAt)}
          </time>
        </li>
      ))}
    </ol>
  );
}

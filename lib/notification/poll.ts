/** What /notifications/nouvelles answers. */
export type NotificationPoll = { unread: number; nouvelles: { id: number; message: string }[] };

export const NOTIFICATION_POLL_PATH = "/notifications/nouvelles";
/** Dispatched on window once notifications are marked read, so that the header's count follows at once. */
export const NOTIFICATIONS_CHANGED_EVENT = "wiki:notifications-lues";
/** Often enough for news to feel live, rarely enough to cost nothing: the page also asks when it regains focus. */
export const NOTIFICATION_POLL_MS = 45_000;

/** The bell's text: its accessible name says how many are unread. */
export function bellLabel(unread: number | null): string {
  if (!unread) return "Notifications";
  return `Notifications (${unread} non lue${unread > 1 ? "s" : ""})`;
}

/** What the live region of the open list says of notifications that arrived meanwhile. */
export function announcement(nouvelles: { message: string }[]): string {
  if (nouvelles.length === 0) return "";
  const heading = nouvelles.length === 1 ? "Nouvelle notification" : `${nouvelles.length} nouvelles notifications`;
  return `${heading} : ${nouvelles.map((n) => n.message).join(" ")}`;
}

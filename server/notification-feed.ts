import type { Db } from "@/db/client";
import { renderAtomFeed } from "./feed/atom";
import { listNotifications } from "./notification-inbox";

const SITE = "Wiki de la Solidarité numérique";

/** A person's notifications as an Atom feed; `selfLink` is its secret address. */
export function renderPersonalFeed(db: Db, person: { id: number; name: string }, baseUrl: string, selfLink: string, now = new Date()): string {
  return renderAtomFeed({
    id: `${baseUrl}/notifications#flux-${person.id}`,
    title: `Notifications de ${person.name} · ${SITE}`,
    subtitle: "Ce qui a changé dans les fiches, acteurs, thèmes, catalogues et discussions que vous suivez.",
    selfLink,
    alternateLink: `${baseUrl}/notifications`,
    authors: [SITE],
    fallbackUpdated: now,
    entries: listNotifications(db, person.id, 50).map((n) => ({
      id: `${baseUrl}/notifications#notification-${n.id}`,
      title: n.message,
      updated: n.createdAt,
      link: `${baseUrl}${n.url}`,
      authors: [],
      summary: n.message,
    })),
  });
}

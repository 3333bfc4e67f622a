import { describe, expect, it } from "vitest";
import { getTestDb } from "@/db/testing";
import { buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { notification, user } from "@/db/schema";
import { eq } from "drizzle-orm";
import { parseXml } from "./feed/testing";
import { countUnreadNotifications, listUnreadNotificationsAfter, markAllNotificationsRead } from "./notification-inbox";
import { renderPersonalFeed } from "./notification-feed";
import { getNotificationPreferences, getUserByFeedToken, renewFeedToken, updateNotificationPreferences } from "./notification-setting";
import { domainErrorOf } from "./domain-error-testing";

const db = getTestDb();
const viewerOf = (id: number) => getViewerById(db, id)!;
const notify = (userId: number, message: string) =>
  db.insert(notification).values({ userId, kind: "fiche_modifiee", message, url: "/fiches/atelier/historique", dedupeKey: message }).returning().get();

describe("notification preferences", () => {
  it("default to a daily digest with mentions by mail, and keep what the person chose", () => {
    const person = buildUser();
    expect(getNotificationPreferences(db, person.id)).toEqual({ digest: "quotidien", mailMentions: true, hasFeed: false });
    updateNotificationPreferences(db, viewerOf(person.id), { digest: "hebdomadaire", mailMentions: false });
    expect(getNotificationPreferences(db, person.id)).toMatchObject({ digest: "hebdomadaire", mailMentions: false });
  });

  it("belong to a signed-in person", () => {
    expect(domainErrorOf(() => updateNotificationPreferences(db, null, { digest: "jamais", mailMentions: false }))).toMatchObject({ code: "forbidden" });
  });
});

describe("the personal feed's secret", () => {
  it("opens the person's feed until renewed, then the old one opens nothing", () => {
    const person = buildUser({ name: "Léa Martin" });
    notify(person.id, "La fiche « Atelier <vélo> » a été modifiée.");
    const first = renewFeedToken(db, viewerOf(person.id));
    expect(getUserByFeedToken(db, first)).toEqual({ id: person.id, name: "Léa Martin" });
    expect(getNotificationPreferences(db, person.id).hasFeed).toBe(true);

    const second = renewFeedToken(db, viewerOf(person.id));
    expect(getUserByFeedToken(db, first)).toBeNull();
    expect(getUserByFeedToken(db, second)?.id).toBe(person.id);
    expect(getUserByFeedToken(db, "court")).toBeNull();

    const feed = parseXml(renderPersonalFeed(db, getUserByFeedToken(db, second)!, "https://wiki.exemple.fr", `https://wiki.exemple.fr/flux/personnel/${second}`));
    const entries = feed.children.filter((c) => c.name === "entry");
    expect(entries.map((e) => e.children.find((c) => c.name === "title")!.text)).toEqual(["La fiche « Atelier <vélo> » a été modifiée."]);

    db.update(user).set({ disabled: true }).where(eq(user.id, person.id)).run();
    expect(getUserByFeedToken(db, second)).toBeNull();
  });
});

describe("the inbox", () => {
  it("counts the unread, tells what came after an id, and marks only the person's own as read", () => {
    const [me, other] = [buildUser(), buildUser()];
    const first = notify(me.id, "Un.");
    notify(me.id, "Deux.");
    notify(other.id, "Autre.");
    expect(countUnreadNotifications(db, me.id)).toBe(2);
    expect(listUnreadNotificationsAfter(db, me.id, first.id).map((n) => n.message)).toEqual(["Deux."]);
    expect(markAllNotificationsRead(db, viewerOf(me.id))).toBe(2);
    expect(countUnreadNotifications(db, me.id)).toBe(0);
    expect(countUnreadNotifications(db, other.id)).toBe(1);
  });
});

import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { getTestDb } from "@/db/testing";
import { buildUser } from "@/db/factories";
import { mailOutbox, notification, notificationSetting, type User } from "@/db/schema";
import type { NotificationKind } from "@/lib/notification/values";
import { digestSlot, runDigests } from "./digest";

const db = getTestDb();
const mailsTo = (person: User) => db.select().from(mailOutbox).where(eq(mailOutbox.recipient, person.email)).all();
const notify = (person: User, createdAt: Date, kind: NotificationKind = "fiche_modifiee", message = "La fiche « Atelier » a été modifiée.") =>
  db.insert(notification).values({ userId: person.id, kind, message, url: "/fiches/atelier/historique", dedupeKey: `${kind}:${createdAt.getTime()}`, createdAt }).returning().get();

describe("digestSlot", () => {
  it("is 7:00 in Paris, winter or summer, on Mondays for the weekly one", () => {
    // Thursday 5 March 2026, 9:30 in Paris (UTC+1).
    expect(digestSlot("quotidien", new Date("2026-03-05T08:30:00Z"))?.toISOString()).toBe("2026-03-05T06:00:00.000Z");
    // Before 7:00 in Paris: yesterday's.
    expect(digestSlot("quotidien", new Date("2026-03-05T05:59:00Z"))?.toISOString()).toBe("2026-03-04T06:00:00.000Z");
    // Summer time (UTC+2).
    expect(digestSlot("quotidien", new Date("2026-07-01T12:00:00Z"))?.toISOString()).toBe("2026-07-01T05:00:00.000Z");
    expect(digestSlot("hebdomadaire", new Date("2026-03-05T08:30:00Z"))?.toISOString()).toBe("2026-03-02T06:00:00.000Z");
    expect(digestSlot("hebdomadaire", new Date("2026-03-02T06:00:00Z"))?.toISOString()).toBe("2026-03-02T06:00:00.000Z");
    expect(digestSlot("jamais", new Date())).toBeNull();
  });
});

describe("runDigests", () => {
  it("sends one digest per slot, even across a restart, and keeps what came after the slot for the next", async () => {
    const person = buildUser();
    notify(person, new Date("2026-03-04T10:00:00Z"));
    notify(person, new Date("2026-03-04T18:00:00Z"), "commentaire", "Nouveau commentaire de Léa sur « Atelier ».");
    const late = notify(person, new Date("2026-03-05T06:30:00Z"), "reprise", "Tiers-lieu a repris la pratique « Atelier ».");
    const morning = new Date("2026-03-05T06:05:00Z");

    runDigests(db, morning);
    // A restart: the module's state is new, the database is the same.
    vi.resetModules();
    const restarted = await import("./digest");
    restarted.runDigests(db, new Date("2026-03-05T06:15:00Z"));
    restarted.runDigests(db, new Date("2026-03-05T09:00:00Z"));

    const [mail] = mailsTo(person);
    expect(mailsTo(person)).toHaveLength(1);
    expect(mail.subject).toBe("Votre résumé quotidien : 2 nouveautés");
    expect(mail.text).toContain("- Nouveau commentaire de Léa sur « Atelier ».");
    expect(mail.text).not.toContain("Tiers-lieu");
    expect(db.select().from(notification).where(eq(notification.id, late.id)).get()!.mailedAt).toBeNull();
    expect(db.select().from(notificationSetting).where(eq(notificationSetting.userId, person.id)).get()!.digestSentUntil).toEqual(new Date("2026-03-05T06:00:00Z"));

    restarted.runDigests(db, new Date("2026-03-06T06:01:00Z"));
    expect(mailsTo(person).map((m) => m.subject)).toEqual(["Votre résumé quotidien : 2 nouveautés", "Votre résumé quotidien : 1 nouveauté"]);
  });

  it("waits for Monday for a weekly digest, and never sends one to whoever chose none", () => {
    const [weekly, never] = [buildUser(), buildUser()];
    db.insert(notificationSetting).values([{ userId: weekly.id, digest: "hebdomadaire" }, { userId: never.id, digest: "jamais" }]).run();
    notify(weekly, new Date("2026-03-03T10:00:00Z"));
    notify(never, new Date("2026-03-03T10:00:00Z"));
    // Monday 2 March's slot came before the notification; the next is Monday 9 March.
    runDigests(db, new Date("2026-03-08T20:00:00Z"));
    expect(mailsTo(weekly)).toHaveLength(0);
    runDigests(db, new Date("2026-03-09T06:10:00Z"));
    expect(mailsTo(weekly).map((m) => m.subject)).toEqual(["Votre résumé de la semaine : 1 nouveauté"]);
    expect(mailsTo(never)).toHaveLength(0);
  });

  it("leaves out what was already mailed at once", () => {
    const person = buildUser();
    db.insert(notification)
      .values({ userId: person.id, kind: "mention", message: "Léa vous a mentionné.", url: "/fiches/a", dedupeKey: "mention:1", createdAt: new Date("2026-03-04T10:00:00Z"), mailedAt: new Date("2026-03-04T10:00:00Z") })
      .run();
    runDigests(db, new Date("2026-03-05T06:05:00Z"));
    expect(mailsTo(person)).toHaveLength(0);
  });
});

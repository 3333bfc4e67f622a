import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getTestDb } from "@/db/testing";
import { buildUser } from "@/db/factories";
import { comment, notificationSetting } from "@/db/schema";
import { buildFicheWithBody } from "../wiki-link-testing";
import { createUnsubscribeToken, readUnsubscribeToken } from "./unsubscribe-token";
import { unsubscribe } from "./unsubscribe";

const db = getTestDb();
const SECRET = "secret-de-test";
const DAY = 24 * 60 * 60 * 1000;

describe("unsubscribe tokens", () => {
  const now = new Date("2026-04-01T08:00:00Z");

  it("speak for the person or the question they were made for", () => {
    expect(readUnsubscribeToken(createUnsubscribeToken({ userId: 42 }, now, SECRET), now, SECRET)).toEqual({ userId: 42 });
    expect(readUnsubscribeToken(createUnsubscribeToken({ questionId: 7 }, now, SECRET), now, SECRET)).toEqual({ questionId: 7 });
  });

  it("refuse a token made for another person, a forged signature, another secret and damage", () => {
    const token = createUnsubscribeToken({ userId: 42 }, now, SECRET);
    const [, expires, sig] = token.split(".");
    expect(readUnsubscribeToken(`u43.${expires}.${sig}`, now, SECRET)).toBeNull();
    expect(readUnsubscribeToken(`q42.${expires}.${sig}`, now, SECRET)).toBeNull();
    expect(readUnsubscribeToken(`u42.${expires}.${"A".repeat(43)}`, now, SECRET)).toBeNull();
    expect(readUnsubscribeToken(token, now, "un-autre-secret")).toBeNull();
    expect(readUnsubscribeToken(token.slice(0, -1), now, SECRET)).toBeNull();
    expect(readUnsubscribeToken("", now, SECRET)).toBeNull();
  });

  it("refuse a token whose expiry was pushed back, and one past its six months", () => {
    const token = createUnsubscribeToken({ userId: 42 }, now, SECRET);
    const [subject, expires, sig] = token.split(".");
    const later = (parseInt(expires, 36) + 365 * DAY).toString(36);
    expect(readUnsubscribeToken(`${subject}.${later}.${sig}`, now, SECRET)).toBeNull();
    expect(readUnsubscribeToken(token, new Date(now.getTime() + 179 * DAY), SECRET)).toEqual({ userId: 42 });
    expect(readUnsubscribeToken(token, new Date(now.getTime() + 181 * DAY), SECRET)).toBeNull();
  });
});

describe("unsubscribe", () => {
  it("turns off a person's digest and immediate mails", () => {
    const person = buildUser();
    expect(unsubscribe(db, createUnsubscribeToken({ userId: person.id }))).toEqual({ userId: person.id });
    expect(db.select().from(notificationSetting).where(eq(notificationSetting.userId, person.id)).get()).toMatchObject({ digest: "jamais", mailMentions: false });
  });

  it("forgets the address of the visitor who asked", () => {
    const f = buildFicheWithBody(db, { titre: "Question posée" });
    const question = db.insert(comment).values({ ficheId: f.id, body: "Est-ce gratuit ?", visitorEmail: "visiteur@exemple.fr" }).returning().get();
    unsubscribe(db, createUnsubscribeToken({ questionId: question.id }));
    expect(db.select().from(comment).where(eq(comment.id, question.id)).get()!.visitorEmail).toBeNull();
  });

  it("changes nothing for a forged token", () => {
    const person = buildUser();
    expect(unsubscribe(db, `u${person.id}.zzzzzzzz.${"A".repeat(43)}`)).toBeNull();
    expect(db.select().from(notificationSetting).where(eq(notificationSetting.userId, person.id)).get()).toBeUndefined();
  });
});

import { and, asc, eq, inArray, isNull, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notification, notificationSetting, user } from "@/db/schema";
import type { DigestFrequency } from "@/lib/notification/values";
import { publicUrl } from "./config";
import { queueMail } from "./mail/outbox";

const DIGEST_HOUR = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_ITEMS = 50;

const parisClock = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Paris",
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

/** Paris's wall clock at `at`, read as if it were UTC. */
function parisWallClock(at: Date): Date {
  const parts = Object.fromEntries(parisClock.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second));
}

/** The instant when Paris's clock reads `hour`:00 on the day `day` (a date whose UTC fields name that Paris day). */
function parisInstant(day: Date, hour: number): Date {
  const guess = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour);
  const offset = parisWallClock(new Date(guess)).getTime() - Math.floor(guess / 1000) * 1000;
  return new Date(guess - offset);
}

/**
 * The latest digest time at or before `now`: 7:00 in Paris, every day for "quotidien", on Mondays
 * for "hebdomadaire"; null for "jamais". A digest covers what happened up to that time.
 */
export function digestSlot(frequency: DigestFrequency, now: Date): Date | null {
  if (frequency === "jamais") return null;
  let day = parisWallClock(now);
  let slot = parisInstant(day, DIGEST_HOUR);
  while (slot > now || (frequency === "hebdomadaire" && day.getUTCDay() !== 1)) {
    day = new Date(day.getTime() - DAY_MS);
    slot = parisInstant(day, DIGEST_HOUR);
  }
  return slot;
}

const FREQUENCY_WORDS: Record<Exclude<DigestFrequency, "jamais">, string> = { quotidien: "quotidien", hebdomadaire: "de la semaine" };

/** Queues one person's digest if it is due, in one transaction that also moves digestSentUntil; true when a mail was queued. */
function sendDigestOf(db: Db, userId: number, now: Date): boolean {
  return db.transaction(
    (tx) => {
      const person = tx
        .select({ email: user.email, disabled: user.disabled, digest: notificationSetting.digest, sentUntil: notificationSetting.digestSentUntil })
        .from(user)
        .leftJoin(notificationSetting, eq(notificationSetting.userId, user.id))
        .where(eq(user.id, userId))
        .get();
      if (!person || person.disabled) return false;
      const frequency = person.digest ?? "quotidien";
      const slot = digestSlot(frequency, now);
      if (!slot || (person.sentUntil && person.sentUntil >= slot)) return false;
      const items = tx
        .select()
        .from(notification)
        .where(and(eq(notification.userId, userId), isNull(notification.mailedAt), lte(notification.createdAt, slot)))
        .orderBy(asc(notification.createdAt))
        .all();
      if (items.length === 0) return false;
      const base = publicUrl();
      const shown = items.slice(-MAX_ITEMS);
      const more = items.length - shown.length;
      const lines = shown.map((n) => `- ${n.message}\n  ${base}${n.url}`);
      const text = [
        "Bonjour,",
        "",
        `Voici ce qui a changé dans ce que vous suivez sur le wiki :`,
        "",
        ...lines,
        ...(more > 0 ? ["", `… et ${more} autre(s) : ${base}/notifications`] : []),
        "",
      ].join("\n");
      const word = FREQUENCY_WORDS[frequency as Exclude<DigestFrequency, "jamais">];
      queueMail(tx, { to: person.email, subject: `Votre résumé ${word} : ${items.length} nouveauté${items.length > 1 ? "s" : ""}`, text, unsubscribe: { userId } }, now);
      tx.update(notification)
        .set({ mailedAt: now })
        .where(inArray(notification.id, items.map((n) => n.id)))
        .run();
      tx.insert(notificationSetting)
        .values({ userId, digestSentUntil: slot })
        .onConflictDoUpdate({ target: notificationSetting.userId, set: { digestSentUntil: slot, updatedAt: now } })
        .run();
      return true;
    },
    { behavior: "immediate" },
  );
}

/** The people with notifications not mailed yet: the only ones a digest may be due to. */
function listWaitingUserIds(db: Db): number[] {
  return db
    .selectDistinct({ userId: notification.userId })
    .from(notification)
    .where(isNull(notification.mailedAt))
    .all()
    .map((r) => r.userId);
}

function trySendDigestOf(db: Db, userId: number, now: Date): boolean {
  try {
    return sendDigestOf(db, userId, now);
  } catch (error) {
    console.error(`Résumé des notifications de l'utilisateur ${userId} :`, error);
    return false;
  }
}

/**
 * Queues the digests that are due at `now`. Safe to run at any time and any number of times: what a
 * digest covered is marked in the transaction that queues it, so a restart neither repeats nor loses one.
 */
export function runDigests(db: Db, now = new Date()): number {
  return listWaitingUserIds(db).filter((userId) => trySendDigestOf(db, userId, now)).length;
}

/**
 * Runs the digests now and every `intervalMs` (ten minutes) in this process, one person at a time
 * with a turn of the event loop between them: a thousand digests must not stall the editors' socket.
 * Returns the stop function.
 */
export function startDigestScheduler(db: Db, intervalMs = 10 * 60_000): () => void {
  let stopped = false;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const userId of listWaitingUserIds(db)) {
        if (stopped) break;
        trySendDigestOf(db, userId, new Date());
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      console.error("Résumés des notifications :", error);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

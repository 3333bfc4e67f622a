import { and, eq, gt, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { acteur, catalogue, comment, fiche, ficheActeur, ficheTerm, notification, notificationSetting, taxonomyTerm, user } from "@/db/schema";
import { displayTitre } from "@/lib/fiche/labels";
import type { FollowTarget } from "@/lib/follow/values";
import type { NotificationKind } from "@/lib/notification/values";
import { publicUrl } from "./config";
import { listFollowerIds } from "./follow";
import { queueMail } from "./mail/outbox";

export type WikiEvent =
  | { kind: "commentaire"; commentId: number; ficheId: number; threadId: number | null; actorId: number | null; mentionedUserIds: number[] }
  | { kind: "reprise"; repriseId: number; ficheId: number; acteurId: number; actorId: number }
  /** `authorIds`: everyone whose edits the revision gathers; none of them hears of it. */
  | { kind: "fiche_modifiee"; ficheId: number; actorId: number | null; authorIds?: readonly number[] }
  | { kind: "fiche_publiee"; ficheId: number; actorId: number | null }
  | { kind: "catalogue_modifie"; catalogueId: number; actorId: number | null };

/** Kinds mailed at once (unless the person turned them off); the others wait for the digest. */
export const IMMEDIATE_KINDS: readonly NotificationKind[] = ["mention", "reponse"];

export const DEDUPE_WINDOW_MS = 24 * 60 * 60 * 1000;

type Conn = Db | Tx;
type Notice = { kind: NotificationKind; message: string; url: string; dedupeKey: string };
/** What an event tells, and to whom: earlier groups win, so a person mentioned in a reply hears of the mention only. */
type Plan = { groups: { userIds: number[]; notice: Notice }[]; visitorMail?: { to: string; questionId: number; subject: string; text: string } };

const followersOf = (db: Conn, targetType: FollowTarget, ids: number[]) => ids.flatMap((id) => listFollowerIds(db, targetType, id));

function publicFiche(db: Conn, ficheId: number) {
  const row = db
    .select({ slug: fiche.slug, titre: fiche.titre, statut: fiche.statut, masquee: fiche.masquee, redirectToId: fiche.redirectToId })
    .from(fiche)
    .where(eq(fiche.id, ficheId))
    .get();
  if (!row) return null;
  return { ...row, titre: displayTitre(row.titre), visible: row.statut === "publiee" && !row.masquee && row.redirectToId === null };
}

function userName(db: Conn, userId: number | null): string | null {
  if (userId === null) return null;
  return db.select({ name: user.name }).from(user).where(eq(user.id, userId)).get()?.name ?? null;
}

const acteurIdsOf = (db: Conn, ficheId: number) =>
  db.select({ id: ficheActeur.acteurId }).from(ficheActeur).where(eq(ficheActeur.ficheId, ficheId)).all().map((r) => r.id);

// A theme the classifier only suggested is not yet the fiche's theme: its followers do not hear of it.
const themeIdsOf = (db: Conn, ficheId: number) =>
  db
    .select({ id: ficheTerm.termId })
    .from(ficheTerm)
    .innerJoin(taxonomyTerm, eq(taxonomyTerm.id, ficheTerm.termId))
    .where(and(eq(ficheTerm.ficheId, ficheId), eq(taxonomyTerm.taxonomy, "theme"), eq(ficheTerm.suggested, false)))
    .all()
    .map((r) => r.id);

function planComment(db: Conn, event: Extract<WikiEvent, { kind: "commentaire" }>): Plan | null {
  const f = publicFiche(db, event.ficheId);
  const posted = db.select().from(comment).where(eq(comment.id, event.commentId)).get();
  if (!f || !posted) return null;
  const who = userName(db, event.actorId) ?? posted.visitorName?.trim() ?? "Un visiteur";
  const url = `/fiches/${f.slug}#commentaire-${event.commentId}`;
  const plan: Plan = {
    groups: [
      {
        userIds: event.mentionedUserIds,
        notice: { kind: "mention", message: `${who} vous a mentionné dans un commentaire sur « ${f.titre} ».`, url, dedupeKey: `mention:commentaire:${event.commentId}` },
      },
    ],
  };
  if (event.threadId !== null) {
    plan.groups.push({
      userIds: listFollowerIds(db, "fil", event.threadId),
      notice: { kind: "reponse", message: `${who} a répondu dans une discussion sur « ${f.titre} ».`, url, dedupeKey: `reponse:fil:${event.threadId}` },
    });
    const question = db.select().from(comment).where(eq(comment.id, event.threadId)).get();
    // The visitor who asked hears of answers from others, by mail only: they have no account.
    if (question && question.authorId === null && question.visitorEmail && posted.visitorEmail !== question.visitorEmail) {
      plan.visitorMail = {
        to: question.visitorEmail,
        questionId: question.id,
        subject: `Réponse à votre question sur « ${f.titre} »`,
        text: `Bonjour,\n\n${who} a répondu à votre question sur la fiche « ${f.titre} » :\n\n${posted.body}\n\nLire la discussion : ${publicUrl()}${url}\n`,
      };
    }
  }
  // Followers of a fiche nobody may read would get a link to a page they cannot open.
  if (f.visible) {
    plan.groups.push({
      userIds: listFollowerIds(db, "fiche", event.ficheId),
      notice: { kind: "commentaire", message: `Nouveau commentaire de ${who} sur « ${f.titre} ».`, url, dedupeKey: `commentaire:fiche:${event.ficheId}` },
    });
  }
  return plan;
}

function planEvent(db: Conn, event: WikiEvent): Plan | null {
  if (event.kind === "commentaire") return planComment(db, event);
  if (event.kind === "catalogue_modifie") {
    const c = db.select({ slug: catalogue.slug, titre: catalogue.titre, statut: catalogue.statut }).from(catalogue).where(eq(catalogue.id, event.catalogueId)).get();
    if (!c || c.statut !== "public") return null;
    const notice: Notice = {
      kind: "catalogue_modifie",
      message: `Le catalogue « ${c.titre} » a été modifié.`,
      url: `/catalogues/${c.slug}`,
      dedupeKey: `catalogue_modifie:catalogue:${event.catalogueId}`,
    };
    return { groups: [{ userIds: listFollowerIds(db, "catalogue", event.catalogueId), notice }] };
  }
  const f = publicFiche(db, event.ficheId);
  if (!f?.visible) return null;
  if (event.kind === "reprise") {
    const nom = db.select({ nom: acteur.nom }).from(acteur).where(eq(acteur.id, event.acteurId)).get()?.nom ?? "Un acteur";
    const notice: Notice = { kind: "reprise", message: `${nom} a repris la pratique « ${f.titre} ».`, url: `/fiches/${f.slug}#reprise-${event.repriseId}`, dedupeKey: `reprise:${event.repriseId}` };
    return { groups: [{ userIds: [...listFollowerIds(db, "fiche", event.ficheId), ...listFollowerIds(db, "acteur", event.acteurId)], notice }] };
  }
  if (event.kind === "fiche_modifiee") {
    // Not the fiche's themes: a theme gathers hundreds of fiches, and every edit would flood its followers.
    const notice: Notice = { kind: "fiche_modifiee", message: `La fiche « ${f.titre} » a été modifiée.`, url: `/fiches/${f.slug}/historique`, dedupeKey: `fiche_modifiee:fiche:${event.ficheId}` };
    return { groups: [{ userIds: [...listFollowerIds(db, "fiche", event.ficheId), ...followersOf(db, "acteur", acteurIdsOf(db, event.ficheId))], notice }] };
  }
  // A new fiche is news to whoever follows its acteurs or one of its themes.
  const notice: Notice = { kind: "fiche_publiee", message: `Nouvelle fiche publiée : « ${f.titre} ».`, url: `/fiches/${f.slug}`, dedupeKey: `fiche_publiee:fiche:${event.ficheId}` };
  const userIds = [
    ...listFollowerIds(db, "fiche", event.ficheId),
    ...followersOf(db, "acteur", acteurIdsOf(db, event.ficheId)),
    ...followersOf(db, "theme", themeIdsOf(db, event.ficheId)),
  ];
  return { groups: [{ userIds, notice }] };
}

// Bounds the bound parameters of one statement (SQLite allows 32766) however many follow a target.
const CHUNK = 500;
const chunks = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/** Those among `userIds` who already heard of `dedupeKey` in the 24 hours before `now`: one query per chunk, not per person. */
function alreadyNotified(db: Conn, userIds: number[], dedupeKey: string, now: Date): Set<number> {
  const since = new Date(now.getTime() - DEDUPE_WINDOW_MS);
  return new Set(
    chunks(userIds).flatMap((chunk) =>
      db
        .selectDistinct({ userId: notification.userId })
        .from(notification)
        .where(and(inArray(notification.userId, chunk), eq(notification.dedupeKey, dedupeKey), gt(notification.createdAt, since)))
        .all()
        .map((r) => r.userId),
    ),
  );
}

/** The enabled accounts among `ids`, with their mail address and whether they want mentions and replies by mail. */
function recipients(db: Conn, ids: number[]) {
  const rows = chunks(ids).flatMap((chunk) =>
    db
      .select({ id: user.id, email: user.email, mailMentions: notificationSetting.mailMentions })
      .from(user)
      .leftJoin(notificationSetting, eq(notificationSetting.userId, user.id))
      .where(and(inArray(user.id, chunk), eq(user.disabled, false)))
      .all(),
  );
  return new Map(rows.map((r) => [r.id, { email: r.email, mailMentions: r.mailMentions ?? true }]));
}

function deliver(db: Conn, event: WikiEvent, plan: Plan, now: Date): void {
  const excluded = new Set<number>([...(event.actorId === null ? [] : [event.actorId]), ...(event.kind === "fiche_modifiee" ? (event.authorIds ?? []) : [])]);
  const people = recipients(db, [...new Set(plan.groups.flatMap((g) => g.userIds))]);
  for (const { userIds, notice } of plan.groups) {
    const audience = [...new Set(userIds)].filter((id) => people.has(id) && !excluded.has(id));
    audience.forEach((id) => excluded.add(id));
    const heard = alreadyNotified(db, audience, notice.dedupeKey, now);
    const rows = audience
      .filter((userId) => !heard.has(userId))
      .map((userId) => ({ userId, mailNow: IMMEDIATE_KINDS.includes(notice.kind) && people.get(userId)!.mailMentions }));
    for (const chunk of chunks(rows)) {
      db.insert(notification)
        .values(chunk.map(({ userId, mailNow }) => ({ userId, kind: notice.kind, actorId: event.actorId, message: notice.message, url: notice.url, dedupeKey: notice.dedupeKey, createdAt: now, mailedAt: mailNow ? now : null })))
        .run();
    }
    for (const { userId } of rows.filter((r) => r.mailNow)) {
      queueMail(db, { to: people.get(userId)!.email, subject: notice.message, text: `Bonjour,\n\n${notice.message}\n\n${publicUrl()}${notice.url}\n`, unsubscribe: { userId } }, now);
    }
  }
  if (plan.visitorMail) {
    const { to, subject, text, questionId } = plan.visitorMail;
    queueMail(db, { to, subject, text, unsubscribe: { questionId } }, now);
  }
}

/**
 * Records who should hear of this event (followers, mentioned people, thread participants, the
 * visitor who asked), deduplicated over 24 h, and queues the mails due at once. Never throws for
 * delivery problems: a failure is logged and rolled back to a savepoint, and the caller's change stands.
 */
export function recordEvent(db: Db | Tx, event: WikiEvent, now = new Date()): void {
  try {
    db.transaction((tx) => {
      const plan = planEvent(tx, event);
      if (plan) deliver(tx, event, plan, now);
    });
  } catch (error) {
    console.error(`Notifications de l'événement ${event.kind} non enregistrées :`, error);
  }
}

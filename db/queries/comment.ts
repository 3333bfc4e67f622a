import { and, asc, eq, inArray, isNotNull, isNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../client";
import { comment, fiche, signalement, user } from "../schema";
import type { CommentStatut } from "@/lib/comment/values";
import { mentionedIds } from "@/lib/comment/format";
import type { SignalementMotif } from "@/lib/signalement/values";

/** A message as readers see it: never the visitor's email. */
export type CommentView = {
  id: number;
  ficheId: number;
  threadId: number | null;
  authorId: number | null;
  /** The account's name, or the name a visitor gave. */
  authorName: string;
  visitor: boolean;
  body: string;
  statut: CommentStatut;
  createdAt: Date;
  updatedAt: Date;
};

/** A thread: its opening with the anchored passage and resolution, and its replies in order. */
export type CommentThread = CommentView & {
  anchor: string | null;
  citation: string;
  resolvedAt: Date | null;
  replies: CommentView[];
};

const author = alias(user, "author");

const viewColumns = {
  id: comment.id,
  ficheId: comment.ficheId,
  threadId: comment.threadId,
  authorId: comment.authorId,
  accountName: author.name,
  visitorName: comment.visitorName,
  body: comment.body,
  statut: comment.statut,
  createdAt: comment.createdAt,
  updatedAt: comment.updatedAt,
  anchor: comment.anchor,
  citation: comment.citation,
  resolvedAt: comment.resolvedAt,
};
type Row = { accountName: string | null; visitorName: string | null } & Omit<CommentView, "authorName" | "visitor"> &
  Pick<CommentThread, "anchor" | "citation" | "resolvedAt">;

function toView({ accountName, visitorName, anchor: _a, citation: _c, resolvedAt: _r, ...row }: Row): CommentView {
  const visitor = row.authorId === null && visitorName !== null;
  return { ...row, visitor, authorName: visitor ? visitorName! : (accountName ?? "Un compte supprimé") };
}

/** The published threads of a fiche, oldest first, each with its published replies. */
export function listFicheThreads(db: Db, ficheId: number): CommentThread[] {
  const rows = db
    .select(viewColumns)
    .from(comment)
    .leftJoin(author, eq(author.id, comment.authorId))
    .where(and(eq(comment.ficheId, ficheId), eq(comment.statut, "publie")))
    .orderBy(asc(comment.createdAt), asc(comment.id))
    .all();
  const threads = new Map<number, CommentThread>();
  for (const row of rows) {
    if (row.threadId === null) threads.set(row.id, { ...toView(row), anchor: row.anchor, citation: row.citation, resolvedAt: row.resolvedAt, replies: [] });
  }
  // A reply whose opening is hidden or waiting is not shown: it would answer nothing visible.
  for (const row of rows) if (row.threadId !== null) threads.get(row.threadId)?.replies.push(toView(row));
  return [...threads.values()];
}

/** One message with its author's name; undefined when it does not exist. */
export function getCommentView(db: Db, commentId: number): (CommentView & { anchor: string | null; citation: string; resolvedAt: Date | null }) | undefined {
  const row = db.select(viewColumns).from(comment).leftJoin(author, eq(author.id, comment.authorId)).where(eq(comment.id, commentId)).get();
  return row && { ...toView(row), anchor: row.anchor, citation: row.citation, resolvedAt: row.resolvedAt };
}

/** The current names of the accounts the bodies mention: what a mention shows. */
export function getMentionNames(db: Db, bodies: string[]): Map<number, string> {
  const ids = [...new Set(bodies.flatMap(mentionedIds))];
  if (ids.length === 0) return new Map();
  return new Map(
    db
      .select({ id: user.id, name: user.name })
      .from(user)
      .where(inArray(user.id, ids))
      .all()
      .map((u) => [u.id, u.name]),
  );
}

/** A message of the moderators' queue: a visitor's question waiting, or a reported message. */
export type CommentModerationItem = CommentView & {
  fiche: { slug: string; titre: string };
  reports: { id: number; motif: SignalementMotif; commentaire: string; reporterName: string | null; createdAt: Date }[];
};

const reporter = alias(user, "reporter");

/** Questions waiting for a moderator and messages with an open report, oldest first. */
export function listCommentsToModerate(db: Db, limit = 200): CommentModerationItem[] {
  const reported = db
    .select({ commentId: signalement.commentId })
    .from(signalement)
    .where(and(isNotNull(signalement.commentId), isNull(signalement.resolvedAt)));
  const rows = db
    .select({ ...viewColumns, slug: fiche.slug, titre: fiche.titre })
    .from(comment)
    .innerJoin(fiche, eq(fiche.id, comment.ficheId))
    .leftJoin(author, eq(author.id, comment.authorId))
    .where(or(eq(comment.statut, "en_attente"), inArray(comment.id, reported)))
    .orderBy(asc(comment.createdAt), asc(comment.id))
    .limit(limit)
    .all();
  if (rows.length === 0) return [];
  const reports = db
    .select({
      id: signalement.id,
      commentId: signalement.commentId,
      motif: signalement.motif,
      commentaire: signalement.commentaire,
      reporterName: reporter.name,
      createdAt: signalement.createdAt,
    })
    .from(signalement)
    .leftJoin(reporter, eq(reporter.id, signalement.reporterId))
    .where(and(inArray(signalement.commentId, rows.map((r) => r.id)), isNull(signalement.resolvedAt)))
    .orderBy(asc(signalement.createdAt))
    .all();
  return rows.map(({ slug, titre, ...row }) => ({
    ...toView(row),
    fiche: { slug, titre },
    reports: reports.filter((r) => r.commentId === row.id).map(({ commentId: _c, ...r }) => r),
  }));
}

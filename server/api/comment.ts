import type { Db } from "@/db/client";
import { getMentionNames, listFicheThreads, type CommentView } from "@/db/queries/comment";
import type { FicheDetail } from "@/db/queries/fiche";
import { commentPlainText } from "@/lib/comment/format";
import { COMMENT_BODY_MAX } from "@/lib/comment/schema";
import type { Viewer } from "@/lib/policies/viewer";
import { z } from "@/lib/schemas/zod";
import { publicUrl } from "@/server/config";
import { postComment, replyToThread, requireReadableComment } from "@/server/comment";
import { DomainError } from "@/server/errors";
import { parseApiInput } from "./validation";

const iso = (date: Date) => date.toISOString();

function commentResource(c: CommentView, slug: string, names: ReadonlyMap<number, string>) {
  return {
    id: c.id,
    author: { name: c.authorName, visitor: c.visitor },
    /** As stored: plain text, mentions as @[Name](id) tokens. */
    body: c.body,
    text: commentPlainText(c.body, names),
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    url: `${publicUrl()}/fiches/${slug}#commentaire-${c.id}`,
  };
}

/** The published threads of a fiche as GET /api/v1/fiches/{slug}/commentaires returns them. */
export function ficheCommentsResource(db: Db, fiche: FicheDetail) {
  const threads = listFicheThreads(db, fiche.id);
  const names = getMentionNames(
    db,
    threads.flatMap((t) => [t.body, ...t.replies.map((r) => r.body)]),
  );
  return {
    data: threads.map((t) => ({
      ...commentResource(t, fiche.slug, names),
      citation: t.citation || null,
      anchored: t.anchor !== null,
      resolved: t.resolvedAt !== null,
      replies: t.replies.map((r) => commentResource(r, fiche.slug, names)),
    })),
    meta: { total: threads.length, messages: threads.reduce((n, t) => n + 1 + t.replies.length, 0) },
  };
}

const commentInputSchema = z.strictObject({
  body: z
    .string({ error: "body is required: a string." })
    .trim()
    .min(1, "body is required: a non-empty string.")
    .max(COMMENT_BODY_MAX, `body has at most ${COMMENT_BODY_MAX} characters.`),
  threadId: z.number({ error: "threadId is the id of a thread's first message (an integer)." }).int().positive().optional(),
});

/** Opens a thread on the fiche as a whole, or replies to one (`threadId`); the same rules and limits as the page. */
export function postCommentThroughApi(db: Db, viewer: Viewer, fiche: FicheDetail, body: unknown): { id: number } {
  const input = parseApiInput(commentInputSchema, body);
  if (input.threadId === undefined) return postComment(db, viewer, { ficheId: fiche.id, body: input.body });
  // A thread of another fiche is not found under this one's address.
  if (requireReadableComment(db, viewer, input.threadId).row.ficheId !== fiche.id) {
    throw new DomainError("not_found", "Ce message n'existe pas ou plus.", undefined, `No thread ${input.threadId} on fiche "${fiche.slug}".`);
  }
  return replyToThread(db, viewer, { threadId: input.threadId, body: input.body });
}

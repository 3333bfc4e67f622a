import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getFicheAccessFacts } from "@/db/queries/fiche-access";
import { getViewerById } from "@/db/queries/viewer";
import { comment, type Comment } from "@/db/schema";
import { parseAnchorText } from "@/lib/comment/anchor-text";
import { mentionedIds } from "@/lib/comment/format";
import type { EditCommentInput, PostCommentInput, ReplyCommentInput, VisitorQuestionInput } from "@/lib/comment/schema";
import { canReadFiche, type FicheAccessFacts } from "@/lib/policies/fiche";
import { canAskQuestion, canComment, canEditComment, canReadComment, canResolveThread } from "@/lib/policies/comment";
import type { Viewer } from "@/lib/policies/viewer";
import { takeMemberComment, takeVisitorQuestion } from "./comment-limits";
import { DomainError } from "./errors";
import { followTarget } from "./follow";
import { recordEvent } from "./notification";

// Past this many, a message is a mailing and not a conversation: the rest are not notified.
const MAX_MENTIONS = 20;

function ficheNotFound(ficheId: number): DomainError {
  return new DomainError("not_found", "Cette fiche n'existe pas ou plus.", undefined, `No fiche with id ${ficheId}.`);
}

function commentNotFound(commentId: number): DomainError {
  return new DomainError("not_found", "Ce message n'existe pas ou plus.", undefined, `No comment with id ${commentId}.`);
}

/** The fiche's access facts, refusing one that does not exist (or that the viewer may not know of). */
export function requireFicheFacts(db: Db, viewer: Viewer | null, ficheId: number): FicheAccessFacts {
  const facts = getFicheAccessFacts(db, ficheId);
  if (!facts || !canReadFiche(viewer, facts)) throw ficheNotFound(ficheId);
  return facts;
}

/** A message the viewer may read, with its fiche's facts; a hidden one is "not found" to others. */
export function requireReadableComment(db: Db, viewer: Viewer | null, commentId: number): { row: Comment; facts: FicheAccessFacts } {
  const row = db.select().from(comment).where(eq(comment.id, commentId)).get();
  const facts = row && getFicheAccessFacts(db, row.ficheId);
  if (!row || !facts || !canReadComment(viewer, facts, row)) throw commentNotFound(commentId);
  return { row, facts };
}

function refuseComment(viewer: Viewer | null): DomainError {
  if (!viewer) return new DomainError("unauthenticated", "Connectez-vous pour participer à la discussion.", undefined, "Sign in to comment.");
  return new DomainError("forbidden", "Cette fiche n'accepte pas de nouveaux messages.", undefined, "This fiche does not take comments.");
}

/** The mentioned accounts that exist, are enabled and may read the fiche: those told of the mention. */
function mentionRecipients(db: Db, body: string, facts: FicheAccessFacts): number[] {
  return mentionedIds(body)
    .slice(0, MAX_MENTIONS)
    .filter((id) => {
      const mentioned = getViewerById(db, id);
      return mentioned !== null && canReadFiche(mentioned, facts);
    });
}

/** Tells those concerned that a message is now visible. A notification failure never takes back a message already saved. */
export function announceComment(db: Db, row: Comment, facts: FicheAccessFacts): void {
  try {
    recordEvent(db, {
      kind: "commentaire",
      commentId: row.id,
      ficheId: row.ficheId,
      threadId: row.threadId,
      actorId: row.authorId,
      mentionedUserIds: mentionRecipients(db, row.body, facts),
    });
  } catch (error) {
    console.error(`Notifying comment ${row.id} failed:`, error);
  }
}

function insertComment(db: Db, values: typeof comment.$inferInsert): Comment {
  return db.transaction(
    (tx) => {
      const row = tx.insert(comment).values(values).returning().get();
      // Whoever opens or answers a thread hears of what follows in it.
      if (values.authorId) followTarget(tx, values.authorId, "fil", row.threadId ?? row.id);
      return row;
    },
    { behavior: "immediate" },
  );
}

/** Opens a thread on a fiche, on the whole of it or anchored to a passage of its body. */
export function postComment(db: Db, viewer: Viewer | null, input: PostCommentInput): Comment {
  const facts = requireFicheFacts(db, viewer, input.ficheId);
  if (!viewer || !canComment(viewer, facts)) throw refuseComment(viewer);
  if (input.anchor !== undefined && !parseAnchorText(input.anchor)) {
    throw new DomainError("invalid_anchor", "Ce passage ne peut pas être commenté : sélectionnez-le à nouveau dans le texte.", undefined, "The anchor is not a pair of Yjs relative positions.");
  }
  takeMemberComment(viewer.id);
  const row = insertComment(db, {
    ficheId: input.ficheId,
    authorId: viewer.id,
    body: input.body,
    anchor: input.anchor ?? null,
    citation: input.anchor ? (input.citation ?? "") : "",
  });
  announceComment(db, row, facts);
  return row;
}

/** Answers a thread; the reply is shown at once. */
export function replyToThread(db: Db, viewer: Viewer | null, input: ReplyCommentInput): Comment {
  const { row: opening, facts } = requireReadableComment(db, viewer, input.threadId);
  if (opening.threadId !== null) throw commentNotFound(input.threadId);
  if (!viewer || !canComment(viewer, facts)) throw refuseComment(viewer);
  if (opening.statut !== "publie") {
    throw new DomainError("not_published", "Publiez d'abord la question avant d'y répondre.", undefined, "The thread is not published.");
  }
  takeMemberComment(viewer.id);
  const row = insertComment(db, { ficheId: opening.ficheId, threadId: opening.id, authorId: viewer.id, body: input.body });
  announceComment(db, row, facts);
  return row;
}

/** Rewrites one's own message. */
export function editComment(db: Db, viewer: Viewer | null, input: EditCommentInput): Comment {
  const { row, facts } = requireReadableComment(db, viewer, input.commentId);
  if (!canEditComment(viewer, facts, row)) {
    throw new DomainError("forbidden", "Seule la personne qui a écrit ce message peut le modifier.", undefined, "Only its author edits a comment.");
  }
  return db.update(comment).set({ body: input.body, updatedAt: new Date() }).where(eq(comment.id, row.id)).returning().get();
}

/** Marks a thread "résolu", or opens it again. */
export function setThreadResolved(db: Db, viewer: Viewer | null, input: { threadId: number; resolved: boolean }): Comment {
  const { row, facts } = requireReadableComment(db, viewer, input.threadId);
  if (row.threadId !== null) throw commentNotFound(input.threadId);
  if (!canResolveThread(viewer, facts, row)) {
    throw new DomainError(
      "forbidden",
      "Seuls l'auteur de la discussion, les personnes qui peuvent modifier la fiche et les modérateurs la marquent comme résolue.",
      undefined,
      "You may not resolve this thread.",
    );
  }
  const values = input.resolved ? { resolvedAt: new Date(), resolvedBy: viewer!.id } : { resolvedAt: null, resolvedBy: null };
  return db.update(comment).set(values).where(eq(comment.id, row.id)).returning().get();
}

/**
 * A visitor's question, without an account: it waits for a moderator before anyone sees it. The
 * optional email is only used to tell them of the answer.
 */
export function askQuestion(db: Db, viewer: Viewer | null, clientAddress: string, input: VisitorQuestionInput): Comment {
  const facts = requireFicheFacts(db, viewer, input.ficheId);
  if (viewer) {
    throw new DomainError("signed_in", "Vous êtes connecté : écrivez votre message dans la discussion, il sera publié aussitôt.", undefined, "Signed-in people comment directly.");
  }
  if (!canAskQuestion(viewer, facts)) {
    throw new DomainError("forbidden", "Cette fiche ne reçoit pas de questions.", undefined, "This fiche takes no questions.");
  }
  takeVisitorQuestion(clientAddress);
  return db
    .insert(comment)
    .values({ ficheId: input.ficheId, visitorName: input.visitorName, visitorEmail: input.visitorEmail ?? null, body: input.body, statut: "en_attente" })
    .returning()
    .get();
}

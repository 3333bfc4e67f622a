"use client";

import { editCommentAction, replyCommentAction } from "@/app/fiches/[slug]/comment-actions";
import type { DiscussionComment, DiscussionThread } from "@/server/comment-discussion";
import { CommentComposer } from "./CommentComposer";
import { ReportCommentForm } from "./ReportCommentForm";
import { ResolveForm } from "./ResolveForm";
import styles from "./comment.module.css";

type Props = {
  comment: DiscussionComment;
  /** Set on a thread's opening: replying and resolving act on the thread. */
  thread?: DiscussionThread;
  canComment: boolean;
  canReport: boolean;
  onChanged?: () => void;
};

/** "Répondre", "Marquer comme résolu", "Modifier" and "Signaler", as the viewer may. */
export function ThreadActions({ comment, thread, canComment, canReport, onChanged }: Props) {
  if (!(thread && (canComment || thread.canResolve)) && !comment.canEdit && !canReport) return null;
  return (
    <div className={styles.actions}>
      {thread?.canResolve && <ResolveForm threadId={thread.id} resolved={thread.resolvedAt !== null} onSaved={onChanged} />}
      {thread && canComment && (
        <details>
          <summary>Répondre</summary>
          <CommentComposer action={replyCommentAction} fields={{ threadId: thread.id }} label="Votre réponse" submitLabel="Publier la réponse" onSaved={onChanged} />
        </details>
      )}
      {comment.canEdit && (
        <details>
          <summary>Modifier</summary>
          <CommentComposer action={editCommentAction} fields={{ commentId: comment.id }} label="Votre message" submitLabel="Enregistrer" defaultBody={comment.body} onSaved={onChanged} keepOnSave />
        </details>
      )}
      {canReport && <ReportCommentForm commentId={comment.id} />}
    </div>
  );
}

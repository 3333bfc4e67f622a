"use client";

import { useActionState } from "react";
import { hideCommentAction, keepCommentAction, publishCommentAction } from "@/app/moderation/comment-actions";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import type { ActionResult } from "@/lib/action-result";
import type { CommentStatut } from "@/lib/comment/values";

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

function DecisionButton({ action, commentId, label, danger }: { action: Action; commentId: number; label: string; danger?: boolean }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="moderation-action">
      <input type="hidden" name="commentId" value={commentId} />
      <SubmitButton className={danger ? "button--danger" : "button--secondary"} pendingLabel="En cours…">
        {label}
      </SubmitButton>
      <FormMessage state={state && !state.ok ? state : null} />
    </form>
  );
}

/** Publish a question, hide a message, or keep a reported one. */
export function CommentModerationButtons({ commentId, statut, reported }: { commentId: number; statut: CommentStatut; reported: boolean }) {
  return (
    <div className="actions moderation-actions">
      {statut !== "publie" && <DecisionButton action={publishCommentAction} commentId={commentId} label={statut === "en_attente" ? "Publier la question" : "Publier de nouveau"} />}
      {statut === "publie" && reported && <DecisionButton action={keepCommentAction} commentId={commentId} label="Garder le message" />}
      {statut !== "masque" && (
        <DecisionButton action={hideCommentAction} commentId={commentId} label={statut === "en_attente" ? "Refuser la question" : "Masquer le message"} danger />
      )}
      {statut === "masque" && reported && <DecisionButton action={keepCommentAction} commentId={commentId} label="Clore les signalements" />}
    </div>
  );
}

"use client";

import { useActionState, useId } from "react";
import { reportCommentAction } from "@/app/fiches/[slug]/comment-actions";
import { TextArea } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import { SIGNALEMENT_MOTIFS } from "@/lib/signalement/values";
import { SIGNALEMENT_COMMENTAIRE_MAX, SIGNALEMENT_MOTIF_LABELS } from "@/lib/schemas/moderation";
import { textValue } from "@/lib/form-state";

/** "Signaler" a message: the four motifs of fiches, for the moderators' queue. */
export function ReportCommentForm({ commentId }: { commentId: number }) {
  const id = useId();
  const [state, action] = useActionState(reportCommentAction, null);
  const values = state && !state.ok ? state.values : {};
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <details className="comment__disclosure" open={state !== null || undefined}>
      <summary>Signaler</summary>
      <FormMessage state={state} />
      <form key={state?.submission ?? 0} action={action} className="form" noValidate>
        <input type="hidden" name="commentId" value={commentId} />
        <fieldset className="field" aria-describedby={errors?.motif ? `${id}-motif-error` : undefined}>
          <legend>Quel est le problème de ce message ? (obligatoire)</legend>
          <ul className="plain-list">
            {SIGNALEMENT_MOTIFS.map((value) => (
              <li key={value}>
                <label>
                  <input type="radio" name="motif" value={value} defaultChecked={textValue(values, "motif") === value} aria-invalid={errors?.motif ? true : undefined} />{" "}
                  {SIGNALEMENT_MOTIF_LABELS[value]}
                </label>
              </li>
            ))}
          </ul>
          {errors?.motif && (
            <p id={`${id}-motif-error`} className="field-error">
              {errors.motif.join(" ")}
            </p>
          )}
        </fieldset>
        <TextArea
          id={`${id}-commentaire`}
          name="commentaire"
          label="Commentaire (facultatif)"
          hint={`${SIGNALEMENT_COMMENTAIRE_MAX} caractères au maximum.`}
          errors={errors}
          defaultValue={textValue(values, "commentaire")}
          rows={2}
        />
        <div>
          <SubmitButton pendingLabel="Envoi…">Envoyer le signalement</SubmitButton>
        </div>
      </form>
    </details>
  );
}

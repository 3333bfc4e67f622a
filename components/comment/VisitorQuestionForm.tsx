"use client";

import { useActionState, useId } from "react";
import { askQuestionAction } from "@/app/fiches/[slug]/comment-actions";
import { TextArea, TextField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import { COMMENT_BODY_MAX, VISITOR_NAME_MAX } from "@/lib/comment/schema";
import { textValue } from "@/lib/form-state";

/** A visitor without an account asks a question; a moderator reads it before it is shown. */
export function VisitorQuestionForm({ ficheId }: { ficheId: number }) {
  const id = useId();
  const [state, action] = useActionState(askQuestionAction, null);
  const values = state && !state.ok ? state.values : {};
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <section aria-labelledby={`${id}-titre`}>
      <h3 id={`${id}-titre`}>Poser une question sans compte</h3>
      <p className="hint">Votre question sera publiée après relecture par un modérateur.</p>
      <FormMessage state={state} />
      <form key={state?.submission ?? 0} action={action} className="form" noValidate>
        <input type="hidden" name="ficheId" value={ficheId} />
        <TextField id={`${id}-nom`} name="visitorName" label="Votre nom" required maxLength={VISITOR_NAME_MAX} autoComplete="name" errors={errors} defaultValue={textValue(values, "visitorName")} />
        <TextField
          id={`${id}-email`}
          name="visitorEmail"
          type="email"
          label="Votre adresse électronique (facultatif)"
          hint="Pour être prévenu de la réponse. Elle n'est jamais affichée."
          autoComplete="email"
          errors={errors}
          defaultValue={textValue(values, "visitorEmail")}
        />
        <TextArea
          id={`${id}-question`}
          name="body"
          label="Votre question"
          hint={`Texte simple, ${COMMENT_BODY_MAX} caractères au maximum.`}
          required
          errors={errors}
          defaultValue={textValue(values, "body")}
          rows={4}
        />
        <div>
          <SubmitButton pendingLabel="Envoi…">Envoyer la question</SubmitButton>
        </div>
      </form>
    </section>
  );
}

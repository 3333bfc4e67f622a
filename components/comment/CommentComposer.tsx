"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { TextArea } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import { COMMENT_BODY_MAX } from "@/lib/comment/schema";
import { mentionToken } from "@/lib/comment/format";
import type { FormState } from "@/lib/form-state";
import { MentionPicker } from "./MentionPicker";

type Result = FormState<{ commentId: number }>;

type Props = {
  action: (previous: Result | null, form: FormData) => Promise<Result>;
  /** Hidden fields: the fiche or thread, and for an anchored thread the anchor and its passage. */
  fields: Record<string, string | number>;
  label: string;
  submitLabel: string;
  defaultBody?: string;
  /** Told of each message saved, for a list that does not come from the page (the editor's). */
  onSaved?: (commentId: number) => void;
  autoFocus?: boolean;
  /** An edit keeps the saved text in the field; a new message empties it. */
  keepOnSave?: boolean;
};

/** Writes a message: plain text, links as typed, and "@" mentions picked from the accounts. */
export function CommentComposer({ action, fields, label, submitLabel, defaultBody = "", onSaved, autoFocus, keepOnSave }: Props) {
  const id = useId();
  const [body, setBody] = useState(defaultBody);
  const [state, formAction] = useActionState(async (previous: Result | null, form: FormData) => {
    const next = await action(previous, form);
    if (next.ok) {
      if (!keepOnSave) setBody("");
      onSaved?.(next.data.commentId);
    }
    return next;
  }, null);
  const wrapper = useRef<HTMLDivElement>(null);
  const textarea = () => wrapper.current?.querySelector("textarea") ?? null;

  useEffect(() => {
    if (autoFocus) textarea()?.focus();
  }, [autoFocus]);

  const insertMention = (person: { id: number; name: string }) => {
    const field = textarea();
    const at = field?.selectionStart ?? body.length;
    const token = `${mentionToken(person.name, person.id)} `;
    setBody(body.slice(0, at) + token + body.slice(at));
    field?.focus();
  };

  return (
    <form action={formAction} className="form comment-composer" noValidate>
      <FormMessage state={state} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div ref={wrapper}>
        <TextArea
          id={`${id}-message`}
          name="body"
          label={label}
          hint={`Texte simple, ${COMMENT_BODY_MAX} caractères au maximum ; les adresses web deviennent des liens.`}
          errors={state && !state.ok ? state.fieldErrors : undefined}
          value={body}
          onChange={setBody}
          required
          rows={3}
        />
      </div>
      <MentionPicker id={`${id}-mention`} onPick={insertMention} />
      <div>
        <SubmitButton pendingLabel="Envoi…">{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}

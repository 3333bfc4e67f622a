"use client";

import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/components/form/ErrorSummary";
import { TextField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import { textValue, type FormState } from "@/lib/form-state";

type Action = (previous: FormState<unknown> | null, form: FormData) => Promise<FormState<unknown>>;

const EMAIL_LABEL = "Adresse électronique du nouveau membre";

/** Adds a member by the email of their account. */
function AddMemberForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form key={state?.submission ?? 0} className="form" action={formAction} noValidate>
      <ErrorSummary state={state} labels={{ email: EMAIL_LABEL }} />
      <FormMessage state={state?.ok ? state : null} />
      <TextField
        name="email"
        label={EMAIL_LABEL}
        type="email"
        required
        autoComplete="off"
        errors={errors}
        defaultValue={state && !state.ok ? textValue(state.values, "email") : ""}
        hint="La personne doit déjà avoir un compte sur le wiki. Elle pourra modifier l'acteur, ses lieux et ses membres."
      />
      <div className="actions">
        <SubmitButton pendingLabel="Ajout…">Ajouter ce membre</SubmitButton>
      </div>
    </form>
  );
}

/**
 * The members of an acteur with a "remove" button each, and the form to add one. The outcome of a
 * removal is announced above the list and takes the focus, since the button it came from is gone.
 */
export function MembersManager({
  members,
  selfId,
  addAction,
  removeAction,
}: {
  members: { id: number; name: string }[];
  selfId: number;
  addAction: Action;
  removeAction: Action;
}) {
  const [removal, removeFormAction] = useActionState(removeAction, null);
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (removal) outcome.current?.focus();
  }, [removal]);
  return (
    <>
      <div ref={outcome} tabIndex={-1} className="members-outcome">
        <FormMessage state={removal} />
      </div>
      <ul className="item-list">
        {members.map((member) => (
          <li key={member.id}>
            <span>
              {member.name}
              {member.id === selfId ? " (vous)" : ""}
            </span>
            <form action={removeFormAction}>
              <input type="hidden" name="userId" value={member.id} />
              <SubmitButton className="button--secondary" pendingLabel="Retrait…">
                {member.id === selfId ? "Quitter l'organisation" : "Retirer"}
                <span className="visually-hidden"> {member.name}</span>
              </SubmitButton>
            </form>
          </li>
        ))}
      </ul>
      <h3>Ajouter un membre</h3>
      <AddMemberForm action={addAction} />
    </>
  );
}

"use client";

import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/components/form/ErrorSummary";
import { TextField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import { textValue, type FormState } from "@/lib/form-state";

type Action = (previous: FormState<unknown> | null, form: FormData) => Promise<FormState<unknown>>;

const EMAIL_LABEL = "Adresse électronique du co-responsable";

function AddOwnerForm({ action }: { action: Action }) {
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
        hint="La personne doit déjà avoir un compte sur le wiki. Elle pourra modifier, publier et supprimer le catalogue."
      />
      <div className="actions">
        <SubmitButton pendingLabel="Ajout…">Ajouter ce co-responsable</SubmitButton>
      </div>
    </form>
  );
}

/**
 * The owners of a catalogue, each with a "remove" button, and the form to add one. The outcome of a
 * removal is announced above the list and takes the focus, since the button it came from is gone.
 */
export function CatalogueOwners({ owners, selfId, addAction, removeAction }: { owners: { id: number; name: string }[]; selfId: number; addAction: Action; removeAction: Action }) {
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
        {owners.map((owner) => (
          <li key={owner.id}>
            <span>
              {owner.name}
              {owner.id === selfId ? " (vous)" : ""}
            </span>
            {owners.length > 1 && (
              <form action={removeFormAction}>
                <input type="hidden" name="userId" value={owner.id} />
                <SubmitButton className="button--secondary" pendingLabel="Retrait…">
                  {owner.id === selfId ? "Ne plus gérer ce catalogue" : "Retirer"}
                  <span className="visually-hidden"> {owner.name}</span>
                </SubmitButton>
              </form>
            )}
          </li>
        ))}
      </ul>
      <h3>Ajouter un co-responsable</h3>
      <AddOwnerForm action={addAction} />
    </>
  );
}

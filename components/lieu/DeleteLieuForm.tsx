"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import type { FormState } from "@/lib/form-state";

type Action = (previous: FormState<unknown> | null, form: FormData) => Promise<FormState<unknown>>;

/** Deleting a lieu takes two steps: open the disclosure, then confirm. It works without JavaScript. */
export function DeleteLieuForm({ action, nom }: { action: Action; nom: string }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <details className="danger-zone">
      <summary>Supprimer ce lieu</summary>
      <form action={formAction}>
        <FormMessage state={state && !state.ok ? state : null} />
        <p>
          Le lieu « {nom} » sera supprimé de l&apos;annuaire, avec ses horaires et ses services. Cette action est
          définitive.
        </p>
        <SubmitButton className="button--danger" pendingLabel="Suppression…">
          Confirmer la suppression
        </SubmitButton>
      </form>
    </details>
  );
}

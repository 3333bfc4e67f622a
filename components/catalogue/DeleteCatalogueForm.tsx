"use client";

import { useActionState } from "react";
import { ConfirmSubmit } from "@/components/admin/ConfirmSubmit";
import { FormMessage } from "@/components/ui/FormMessage";
import type { FormState } from "@/lib/form-state";

type Action = (previous: FormState<unknown> | null, form: FormData) => Promise<FormState<unknown>>;

/** Deletes the catalogue after an in-page confirmation; a refusal is said above the button. */
export function DeleteCatalogueForm({ action, titre }: { action: Action; titre: string }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction}>
      <FormMessage state={state} />
      <ConfirmSubmit question={`Supprimer définitivement « ${titre} », ses modules et vos notes ? Les fiches restent dans le wiki, et les copies adaptées par d'autres sont gardées.`} confirm="Oui, supprimer le catalogue">
        Supprimer le catalogue
      </ConfirmSubmit>
    </form>
  );
}

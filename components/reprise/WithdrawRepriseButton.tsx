"use client";

import { useActionState } from "react";
import { withdrawRepriseAction } from "@/app/fiches/[slug]/reprise-actions";
import { SubmitButton } from "@/components/form/SubmitButton";
import { FormMessage } from "@/components/ui/FormMessage";

/** « Retirer »: takes back an acteur's declaration; the page then says it was withdrawn. */
export function WithdrawRepriseButton({ ficheId, slug, acteurId, acteurNom }: { ficheId: number; slug: string; acteurId: number; acteurNom: string }) {
  const [state, action] = useActionState(withdrawRepriseAction.bind(null, ficheId, slug), null);
  return (
    <form action={action}>
      <input type="hidden" name="acteurId" value={acteurId} />
      <SubmitButton className="button--link" pendingLabel="Retrait…">
        Retirer la reprise<span className="visually-hidden"> de {acteurNom}</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

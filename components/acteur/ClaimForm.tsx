"use client";

import { useActionState } from "react";
import { requestActeurClaimAction } from "@/app/acteurs/[slug]/claim-actions";
import { ErrorSummary } from "@/components/form/ErrorSummary";
import { TextArea, TextField } from "@/components/ui/Field";
import { SubmitButton } from "@/components/form/SubmitButton";
import { textValue } from "@/lib/form-state";
import { ACTEUR_CLAIM_FONCTION_MAX, ACTEUR_CLAIM_MESSAGE_MAX } from "@/lib/schemas/acteur-claim";

const LABELS = { message: "Votre message", fonction: "Votre fonction dans l'organisation" };

/** The request to manage an acteur without members, sent to the moderators. */
export function ClaimForm({ acteurId, titleId }: { acteurId: number; titleId: string }) {
  const [state, action] = useActionState(requestActeurClaimAction.bind(null, acteurId), null);
  const values = state && !state.ok ? state.values : {};
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form key={state?.submission ?? 0} action={action} className="form" aria-labelledby={titleId} noValidate>
      <ErrorSummary state={state} labels={LABELS} />
      <TextField
        name="fonction"
        label={LABELS.fonction}
        required
        hint={`Par exemple : présidente, coordinateur, salariée chargée de la médiation numérique. ${ACTEUR_CLAIM_FONCTION_MAX} caractères au maximum.`}
        errors={errors}
        defaultValue={textValue(values, "fonction")}
        autoComplete="organization-title"
      />
      <TextArea
        name="message"
        label={LABELS.message}
        required
        hint={`Qui vous êtes et pourquoi vous souhaitez gérer cette page : les modérateurs s'en servent pour vérifier votre lien avec l'organisation. ${ACTEUR_CLAIM_MESSAGE_MAX} caractères au maximum.`}
        errors={errors}
        defaultValue={textValue(values, "message")}
        rows={4}
      />
      <div>
        <SubmitButton pendingLabel="Envoi…">Envoyer la demande</SubmitButton>
      </div>
    </form>
  );
}

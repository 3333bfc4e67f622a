"use client";

import { useActionState, useId } from "react";
import { acceptActeurClaimAction, refuseActeurClaimAction } from "@/app/moderation/acteur-claim-actions";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import type { ActionResult } from "@/lib/action-result";
import { ACTEUR_CLAIM_NOTE_MAX } from "@/lib/schemas/acteur-claim";

/** A refusal with its field errors in one sentence, for the small forms of the queue. */
function refusal(state: ActionResult | null): ActionResult | null {
  if (!state || state.ok) return null;
  return { ...state, message: [state.message, ...Object.values(state.fieldErrors ?? {}).flat()].join(" ") };
}

/** "Accepter" or "Refuser" (with an optional note for the person) a request to manage an acteur. */
export function ActeurClaimDecision({ claimId }: { claimId: number }) {
  const id = useId();
  const [acceptState, acceptAction] = useActionState(acceptActeurClaimAction, null);
  const [refuseState, refuseAction] = useActionState(refuseActeurClaimAction, null);
  return (
    <div className="actions moderation-actions">
      <form action={acceptAction} className="moderation-action">
        <input type="hidden" name="claimId" value={claimId} />
        <SubmitButton pendingLabel="En cours…">Accepter</SubmitButton>
        <FormMessage state={refusal(acceptState)} />
      </form>
      <form action={refuseAction} className="moderation-resolve">
        <input type="hidden" name="claimId" value={claimId} />
        <label htmlFor={`${id}-note`}>Note pour la personne (facultatif)</label>
        <textarea id={`${id}-note`} name="note" rows={2} maxLength={ACTEUR_CLAIM_NOTE_MAX} aria-describedby={`${id}-hint`} />
        <p id={`${id}-hint`} className="hint">
          Elle la lit sur son compte, par exemple pour dire pourquoi vous refusez. {ACTEUR_CLAIM_NOTE_MAX} caractères au maximum.
        </p>
        <FormMessage state={refusal(refuseState)} />
        <div>
          <SubmitButton className="button--danger" pendingLabel="En cours…">
            Refuser
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}

"use client";

import { useActionState } from "react";
import { renewMyFeedLink } from "@/app/compte/notifications/actions";
import { SubmitButton } from "@/components/form/SubmitButton";
import { FormMessage } from "@/components/ui/FormMessage";

/**
 * The personal Atom feed's secret address: shown once, just after it is made, since only its hash
 * is kept. Renewing it revokes the previous one.
 */
export function FeedLinkForm({ hasFeed }: { hasFeed: boolean }) {
  const [state, action] = useActionState(renewMyFeedLink, null);
  return (
    <form action={action} className="form">
      <FormMessage state={state} />
      {state?.ok && (
        <div className="field">
          <label htmlFor="adresse-flux">Adresse de mon flux Atom (secrète)</label>
          <input id="adresse-flux" type="text" readOnly value={state.data} spellCheck={false} onFocus={(event) => event.currentTarget.select()} />
        </div>
      )}
      {!state?.ok && (
        <p>
          {hasFeed
            ? "Un lien vers votre flux existe déjà ; il n'est affiché qu'à sa création. Renouvelez-le pour en obtenir un nouveau : l'ancien cessera de fonctionner."
            : "Vous n'avez pas encore de flux."}
        </p>
      )}
      <div className="actions">
        <SubmitButton pendingLabel="Création…">{hasFeed || state?.ok ? "Renouveler le lien" : "Créer le lien"}</SubmitButton>
      </div>
    </form>
  );
}

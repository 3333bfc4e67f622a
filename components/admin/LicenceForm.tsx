"use client";

import { useActionState } from "react";
import { chooseContentLicence } from "@/app/admin/licence/actions";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import { submittedOr } from "@/lib/action-result";
import { LICENCE_IDS, LICENCES, type LicenceId } from "@/lib/licence";

/** The admin's select of the content licence and its "Enregistrer la licence" button. */
export function LicenceForm({ current }: { current: LicenceId }) {
  const [state, action] = useActionState(chooseContentLicence, null);
  const selected = submittedOr(state, "licence", current);
  return (
    <form action={action} className="form">
      <div className="field">
        <label htmlFor="champ-licence">Licence du contenu</label>
        <p id="champ-licence-hint" className="hint">
          S&apos;applique à tout le contenu du wiki, déjà publié ou à venir.
        </p>
        <select
          id="champ-licence"
          name="licence"
          key={`${selected}-${state?.message ?? ""}`}
          defaultValue={selected}
          aria-describedby="champ-licence-hint"
          aria-invalid={state && !state.ok ? true : undefined}
        >
          {LICENCE_IDS.map((id) => (
            <option key={id} value={id}>
              {LICENCES[id].name}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <SubmitButton>Enregistrer la licence</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

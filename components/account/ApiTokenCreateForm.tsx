"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { createMyApiToken, type CreatedApiToken } from "@/app/compte/api-token-actions";
import { TextField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import { textValue } from "@/lib/form-state";

type CopyOutcome = "" | "copied" | "failed";

async function copyText(input: HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(input.value);
    return true;
  } catch {
    // The Clipboard API needs a secure context (https or localhost): select the text for Ctrl+C instead.
    input.focus();
    input.select();
    return false;
  }
}

/**
 * The token just created, in a read-only field that takes the focus, with a copy button. It is
 * never shown again: the page only keeps it in memory until the person leaves.
 */
function CreatedToken({ created }: { created: CreatedApiToken }) {
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyOutcome>("");
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [created]);
  return (
    <div className="alert alert--success api-token-created">
      <p id="jeton-cree-avertissement">
        <strong>Copiez ce jeton maintenant : il ne sera plus jamais affiché.</strong> Gardez-le secret, comme un mot de passe : il
        donne à qui le détient les mêmes droits que votre compte. Si vous le perdez, révoquez-le et créez-en un autre.
      </p>
      <div className="field">
        <label htmlFor="jeton-cree">Votre nouveau jeton « {created.name} »</label>
        <input
          id="jeton-cree"
          ref={input}
          className="api-token-created__value"
          type="text"
          readOnly
          value={created.token}
          spellCheck={false}
          autoComplete="off"
          aria-describedby="jeton-cree-avertissement"
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <div className="actions">
        <button type="button" onClick={async () => input.current && setCopy((await copyText(input.current)) ? "copied" : "failed")}>
          Copier le jeton
        </button>
        <p className="api-token-created__copy" aria-live="polite">
          {copy === "copied" && "Jeton copié dans le presse-papiers."}
          {copy === "failed" && "Copie automatique impossible : le jeton est sélectionné, copiez-le avec Ctrl+C (ou Cmd+C)."}
        </p>
      </div>
    </div>
  );
}

/** Names and creates a personal API token, then shows it once. */
export function ApiTokenCreateForm() {
  const [state, action] = useActionState(createMyApiToken, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <>
      {state?.ok && <CreatedToken created={state.data} />}
      <form key={state?.submission ?? 0} className="form" action={action} noValidate>
        {state && !state.ok && <FormMessage state={state} />}
        <TextField
          name="name"
          label="Nom du jeton"
          required
          autoComplete="off"
          errors={errors}
          defaultValue={state && !state.ok ? textValue(state.values, "name") : ""}
          hint="Ce qui l'utilisera, par exemple « Tableur de l'équipe » : vous le reconnaîtrez dans la liste de vos jetons."
        />
        <div className="actions">
          <SubmitButton pendingLabel="Création…">Créer un jeton</SubmitButton>
        </div>
      </form>
    </>
  );
}

"use client";

import { signIn } from "next-auth/react";
import { useActionState, useEffect, useRef, useState } from "react";
import { signUp } from "@/app/inscription/actions";
import { TextField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import { PASSWORD_MIN } from "@/lib/schemas/user";
import { submittedOr } from "@/lib/action-result";

/** Creates the account, then signs it in and goes to `returnTo`, a path already checked by safeReturnPath. */
export function SignUpForm({ returnTo }: { returnTo: string }) {
  const [state, action] = useActionState(signUp, null);
  const [signInError, setSignInError] = useState<string | null>(null);
  const credentials = useRef<{ email: string; password: string } | null>(null);

  useEffect(() => {
    if (!state?.ok || !credentials.current) return;
    const { email, password } = credentials.current;
    credentials.current = null;
    signIn("credentials", { email, password, redirect: false }).then((result) => {
      if (result?.ok && !result.error) window.location.assign(returnTo);
      else
        setSignInError(
          "Impossible de vous connecter avec ces identifiants. Si vous aviez déjà un compte avec cette adresse, connectez-vous avec votre mot de passe habituel.",
        );
    });
  }, [state, returnTo]);

  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      className="form"
      action={action}
      noValidate
      onSubmit={(event) => {
        const form = new FormData(event.currentTarget);
        credentials.current = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
      }}
    >
      <FormMessage state={state && !state.ok ? state : null} />
      {signInError && (
        <div role="alert" className="alert alert--error">
          {signInError}
        </div>
      )}
      {state?.ok && !signInError && (
        <div role="status" className="alert alert--success">
          Compte créé, connexion en cours…
        </div>
      )}
      <TextField name="name" label="Votre nom ou prénom" autoComplete="name" required errors={errors} defaultValue={submittedOr(state, "name", "")} hint="Il sera affiché à côté de vos contributions." />
      <TextField name="email" label="Adresse électronique" type="email" autoComplete="email" required errors={errors} defaultValue={submittedOr(state, "email", "")} />
      <TextField
        name="password"
        label="Mot de passe"
        type="password"
        autoComplete="new-password"
        required
        errors={errors}
        hint={`Au moins ${PASSWORD_MIN} caractères. Une phrase facile à retenir fait un bon mot de passe.`}
      />
      <div className="actions">
        <SubmitButton pendingLabel="Création du compte…">Créer mon compte</SubmitButton>
      </div>
    </form>
  );
}

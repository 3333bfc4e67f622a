"use client";

import { useActionState } from "react";
import { changeMyPassword } from "@/app/compte/actions";
import { TextField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import { PASSWORD_MIN } from "@/lib/schemas/user";

export function ChangePasswordForm() {
  const [state, action] = useActionState(changeMyPassword, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form className="form" action={action} noValidate key={state?.ok ? "done" : "form"}>
      <FormMessage state={state} />
      <TextField name="currentPassword" label="Mot de passe actuel" type="password" autoComplete="current-password" required errors={errors} />
      <TextField name="newPassword" label="Nouveau mot de passe" type="password" autoComplete="new-password" required errors={errors} hint={`Au moins ${PASSWORD_MIN} caractères.`} />
      <TextField name="confirmPassword" label="Confirmez le nouveau mot de passe" type="password" autoComplete="new-password" required errors={errors} />
      <div className="actions">
        <SubmitButton>Changer mon mot de passe</SubmitButton>
      </div>
    </form>
  );
}

"use client";

import { useActionState, useRef } from "react";
import { changeUserDisabled } from "@/app/admin/utilisateurs/actions";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import { useKeepFocus } from "./useKeepFocus";
import { ConfirmSubmit } from "./ConfirmSubmit";

type Props = { userId: number; name: string; disabled: boolean; isSelf: boolean };

/** Disables an account after confirmation, or re-enables it at once. */
export function UserDisabledForm({ userId, name, disabled, isSelf }: Props) {
  const [state, action] = useActionState(changeUserDisabled, null);
  const form = useRef<HTMLFormElement>(null);
  useKeepFocus(form, state);
  const who = <span className="visually-hidden"> de {name}</span>;
  return (
    <form ref={form} action={action} className="admin-inline-form">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
      {disabled ? (
        <SubmitButton className="button--secondary">Réactiver le compte{who}</SubmitButton>
      ) : (
        <ConfirmSubmit
          question={
            isSelf
              ? "Désactiver votre propre compte ? Vous serez déconnecté et ne pourrez plus vous connecter."
              : `Désactiver le compte de ${name} ? Cette personne ne pourra plus se connecter ; ses contributions restent.`
          }
          confirm={
            <>
              Confirmer la désactivation<span className="visually-hidden"> du compte de {name}</span>
            </>
          }
        >
          Désactiver le compte{who}
        </ConfirmSubmit>
      )}
      <FormMessage state={state} />
    </form>
  );
}

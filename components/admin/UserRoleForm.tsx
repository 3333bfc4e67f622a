"use client";

import { useActionState, useRef } from "react";
import { changeUserRole } from "@/app/admin/utilisateurs/actions";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import type { Role } from "@/lib/roles";
import { ROLE_LABELS } from "@/lib/roles";
import { useKeepFocus } from "./useKeepFocus";

/** The role select of one account and its "Changer le rôle" button, named after the account. */
export function UserRoleForm({ userId, name, role }: { userId: number; name: string; role: Role }) {
  const [state, action] = useActionState(changeUserRole, null);
  const form = useRef<HTMLFormElement>(null);
  useKeepFocus(form, state);
  const selectId = `role-${userId}`;
  return (
    <form ref={form} action={action} className="admin-inline-form">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={selectId}>
        Rôle<span className="visually-hidden"> de {name}</span>
      </label>
      <div className="admin-inline-form__row">
        <select id={selectId} name="role" defaultValue={role} className="input">
          {Object.entries(ROLE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <SubmitButton className="button--secondary">
          Changer le rôle<span className="visually-hidden"> de {name}</span>
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { ROLE_LABELS } from "@/lib/roles";
import { setDisabledSchema, setRoleSchema } from "@/lib/schemas/user";
import { formDataToObject, runMutation } from "@/server/mutation";
import { setUserDisabled, setUserRole } from "@/server/user";

// A row's form has one visible field: put its error (e.g. the last admin) in the message itself.
function withFieldMessage(result: ActionResult<unknown> & { ok: false }): ActionResult {
  const first = Object.values(result.fieldErrors ?? {})[0]?.[0];
  return { ...result, message: first ?? result.message };
}

/** Gives an account another role; the last active admin keeps theirs. */
export async function changeUserRole(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runMutation({
    schema: setRoleSchema,
    input: formDataToObject(form),
    run: (viewer, data) => setUserRole(getDb(), viewer, data.userId, data.role),
  });
  if (!result.ok) return withFieldMessage(result);
  revalidatePath("/admin/utilisateurs");
  return { ok: true, data: undefined, message: `${result.data.name} a maintenant le rôle « ${ROLE_LABELS[result.data.role]} ».` };
}

/** Disables or re-enables an account; a disabled account is signed out at its next request. */
export async function changeUserDisabled(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runMutation({
    schema: setDisabledSchema,
    input: formDataToObject(form),
    run: (viewer, data) => setUserDisabled(getDb(), viewer, data.userId, data.disabled),
  });
  if (!result.ok) return withFieldMessage(result);
  revalidatePath("/admin/utilisateurs");
  const { name, disabled } = result.data;
  return {
    ok: true,
    data: undefined,
    message: disabled ? `Compte désactivé : ${name} ne peut plus se connecter.` : `Compte réactivé : ${name} peut de nouveau se connecter.`,
  };
}

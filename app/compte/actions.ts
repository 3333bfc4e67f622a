"use server";

import { getDb } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { changePasswordSchema } from "@/lib/schemas/user";
import { formDataToObject, runMutation } from "@/server/mutation";
import { changePassword } from "@/server/user";

export async function changeMyPassword(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runMutation({
    schema: changePasswordSchema,
    input: formDataToObject(form),
    run: async (viewer, data) => {
      await changePassword(getDb(), viewer, data.currentPassword, data.newPassword);
      return undefined;
    },
  });
  return result.ok ? { ...result, message: "Votre mot de passe a été changé." } : result;
}

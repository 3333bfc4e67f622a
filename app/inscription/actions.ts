"use server";

import { getDb } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { signUpSchema } from "@/lib/schemas/user";
import { DomainError } from "@/server/errors";
import { formDataToObject, runMutation } from "@/server/mutation";
import { createUser } from "@/server/user";

/**
 * Creates a contributor account. An address already registered gets the same answer as a new one,
 * so that nobody can learn from this form who has an account.
 */
export async function signUp(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runMutation({
    schema: signUpSchema,
    input: formDataToObject(form),
    viewer: null,
    run: async (viewer, data) => {
      try {
        await createUser(getDb(), viewer, data);
      } catch (error) {
        if (!(error instanceof DomainError && error.code === "email_taken")) throw error;
      }
      return undefined;
    },
  });
}

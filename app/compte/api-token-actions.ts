"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { toFormState, type FormState } from "@/lib/form-state";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/schemas/api-token";
import { createApiToken, revokeApiToken } from "@/server/api-token";
import { formDataToObject, runMutation } from "@/server/mutation";

/** The token in clear, returned to the page that shows it once. */
export type CreatedApiToken = { name: string; token: string };

/** Creates a personal API token for the signed-in person. */
export async function createMyApiToken(previous: FormState<CreatedApiToken> | null, form: FormData): Promise<FormState<CreatedApiToken>> {
  const input = formDataToObject(form);
  const result = await runMutation({
    schema: createApiTokenSchema,
    input,
    run: (viewer, data) => {
      const created = createApiToken(getDb(), viewer, data.name);
      return { name: created.name, token: created.token };
    },
  });
  if (!result.ok) return toFormState(result, input, previous);
  revalidatePath("/compte");
  // The name field starts empty again: the next token gets a name of its own.
  return toFormState({ ...result, message: `Le jeton « ${result.data.name} » est créé.` }, {}, previous);
}

/** Revokes one of the signed-in person's tokens (revokeApiToken refuses anyone else's). */
export async function revokeMyApiToken(previous: FormState<unknown> | null, form: FormData): Promise<FormState<unknown>> {
  const input = formDataToObject(form);
  const result = await runMutation({
    schema: revokeApiTokenSchema,
    input,
    run: (viewer, data) => revokeApiToken(getDb(), viewer, data.tokenId).name,
  });
  if (!result.ok) return toFormState(result, input, previous);
  revalidatePath("/compte");
  return toFormState({ ok: true, data: undefined, message: `Le jeton « ${result.data} » est révoqué : il ne donne plus accès à l'API.` }, {}, previous);
}

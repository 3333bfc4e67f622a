"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { toFormState, type FormState } from "@/lib/form-state";
import { ACTEUR_ARRAY_FIELDS, acteurSchema } from "@/lib/schemas/acteur";
import { createActeur } from "@/server/acteur";
import { formDataToObject, runMutation } from "@/server/mutation";

/** Creates an acteur whose first member is the signed-in person, then opens its page. */
export async function createActeurAction(previous: FormState<unknown> | null, form: FormData): Promise<FormState<unknown>> {
  const input = formDataToObject(form, ACTEUR_ARRAY_FIELDS);
  const result = await runMutation({
    schema: acteurSchema,
    input,
    run: (viewer, data) => createActeur(getDb(), viewer, data).slug,
  });
  if (!result.ok) return toFormState(result, input, previous);
  revalidatePath("/", "layout");
  redirect(`/acteurs/${result.data}?cree=1`);
}

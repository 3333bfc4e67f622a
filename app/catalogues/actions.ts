"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { toFormState, type FormState } from "@/lib/form-state";
import { catalogueSchema } from "@/lib/schemas/catalogue";
import { createCatalogue } from "@/server/catalogue";
import { formDataToObject, runMutation } from "@/server/mutation";

/** Creates a draft catalogue owned by the signed-in person, then opens its editor to add modules and fiches. */
export async function createCatalogueAction(previous: FormState<unknown> | null, form: FormData): Promise<FormState<unknown>> {
  const input = formDataToObject(form);
  const result = await runMutation({
    schema: catalogueSchema,
    input,
    run: (viewer, data) => createCatalogue(getDb(), viewer, data).slug,
  });
  if (!result.ok) return toFormState(result, input, previous);
  revalidatePath("/catalogues", "layout");
  redirect(`/catalogues/${result.data}/modifier?cree=1`);
}

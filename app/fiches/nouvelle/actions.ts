"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { createFicheSchema } from "@/lib/schemas/fiche";
import { createFiche } from "@/server/fiche";
import { formDataToObject, runMutation } from "@/server/mutation";

/** Creates a draft fiche and opens it in the editor. */
export async function createFicheAction(_prev: ActionResult<{ slug: string }> | null, form: FormData): Promise<ActionResult<{ slug: string }>> {
  const result = await runMutation({
    schema: createFicheSchema,
    input: formDataToObject(form),
    run: (viewer, data) => ({ slug: createFiche(getDb(), viewer, data).slug }),
  });
  // redirect() throws: it must stay outside the mutation's error handling.
  if (result.ok) redirect(`/fiches/${result.data.slug}/modifier`);
  return result;
}

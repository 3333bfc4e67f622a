"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { createTermSchema, deleteTermSchema, updateTermSchema } from "@/lib/schemas/taxonomy";
import { formDataToObject, runMutation } from "@/server/mutation";
import { createTerm, deleteTerm, updateTerm } from "@/server/taxonomy";

// Terms are shown on the home page and the public taxonomy page as well.
function revalidateTermPages(): void {
  revalidatePath("/admin/taxonomies");
  revalidatePath("/taxonomies");
  revalidatePath("/");
}

/** Adds a term to a taxonomy. */
export async function createTaxonomyTerm(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runMutation({
    schema: createTermSchema,
    input: formDataToObject(form),
    run: (viewer, data) => createTerm(getDb(), viewer, data),
  });
  if (!result.ok) return result;
  revalidateTermPages();
  return { ok: true, data: undefined, message: `« ${result.data.label} » a été ajouté.` };
}

/** Saves a term's label, description and position. */
export async function updateTaxonomyTerm(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runMutation({
    schema: updateTermSchema,
    input: formDataToObject(form),
    run: (viewer, data) => updateTerm(getDb(), viewer, data),
  });
  if (!result.ok) return result;
  revalidateTermPages();
  return { ok: true, data: undefined, message: `« ${result.data.label} » a été enregistré.` };
}

/** Deletes a term that no acteur and no fiche uses. */
export async function deleteTaxonomyTerm(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runMutation({
    schema: deleteTermSchema,
    input: formDataToObject(form),
    run: (viewer, data) => deleteTerm(getDb(), viewer, data.termId),
  });
  if (!result.ok) return result;
  revalidateTermPages();
  return { ok: true, data: undefined, message: `« ${result.data.label} » a été supprimé.` };
}

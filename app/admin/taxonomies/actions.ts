"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { canEditTaxonomies } from "@/lib/policies/user";
import { createTermSchema, deleteTermSchema, updateTermSchema } from "@/lib/schemas/taxonomy";
import { formDataToObject, runMutation } from "@/server/mutation";
import { createTerm, deleteTerm, updateTerm } from "@/server/taxonomy";

const FORBIDDEN = "Seuls les administrateurs peuvent modifier les thèmes, publics, enjeux et objectifs.";

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
    forbidden: FORBIDDEN,
    allow: (viewer) => canEditTaxonomies(viewer),
    run: (_viewer, data) => createTerm(getDb(), data),
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
    forbidden: FORBIDDEN,
    allow: (viewer) => canEditTaxonomies(viewer),
    run: (_viewer, data) => updateTerm(getDb(), data),
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
    forbidden: FORBIDDEN,
    allow: (viewer) => canEditTaxonomies(viewer),
    run: (_viewer, data) => deleteTerm(getDb(), data.termId),
  });
  if (!result.ok) return result;
  revalidateTermPages();
  return { ok: true, data: undefined, message: `« ${result.data.label} » a été supprimé.` };
}

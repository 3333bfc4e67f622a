"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { createSynonymSchema, deleteSynonymSchema, updateSynonymSchema } from "@/lib/schemas/synonym";
import { formDataToObject, runMutation } from "@/server/mutation";
import { createSearchSynonym, deleteSearchSynonym, updateSearchSynonym } from "@/server/search/synonyms";

// zod names an error of the third line "expressions.2": the form has one textarea for them all.
function oneFieldForExpressions(result: Extract<ActionResult, { ok: false }>): ActionResult {
  if (!result.fieldErrors) return result;
  const fieldErrors: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(result.fieldErrors)) {
    const field = key.startsWith("expressions.") ? "expressions" : key;
    fieldErrors[field] = [...new Set([...(fieldErrors[field] ?? []), ...messages])];
  }
  return { ...result, fieldErrors };
}

const listed = (expressions: string[]) => expressions.map((e) => `« ${e} »`).join(", ");

/** Adds a group of synonyms; the next search uses it. */
export async function createSynonymGroup(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runMutation({
    schema: createSynonymSchema,
    input: formDataToObject(form),
    run: (viewer, data) => createSearchSynonym(getDb(), viewer, data),
  });
  if (!result.ok) return oneFieldForExpressions(result);
  revalidatePath("/admin/synonymes");
  return { ok: true, data: undefined, message: `Le groupe ${listed(result.data.expressions)} a été ajouté.` };
}

/** Replaces the expressions of a group. */
export async function updateSynonymGroup(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runMutation({
    schema: updateSynonymSchema,
    input: formDataToObject(form),
    run: (viewer, data) => updateSearchSynonym(getDb(), viewer, data),
  });
  if (!result.ok) return oneFieldForExpressions(result);
  revalidatePath("/admin/synonymes");
  return { ok: true, data: undefined, message: `Le groupe ${listed(result.data.expressions)} a été enregistré.` };
}

/** Deletes a group. */
export async function deleteSynonymGroup(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runMutation({
    schema: deleteSynonymSchema,
    input: formDataToObject(form),
    run: (viewer, data) => deleteSearchSynonym(getDb(), viewer, data),
  });
  if (!result.ok) return result;
  revalidatePath("/admin/synonymes");
  return { ok: true, data: undefined, message: "Le groupe a été supprimé." };
}

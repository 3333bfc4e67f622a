"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActeurById } from "@/db/queries/acteur";
import { getLieuById } from "@/db/queries/lieu";
import type { ActionResult } from "@/lib/action-result";
import { toFormState, type FormState } from "@/lib/form-state";
import { LIEU_ARRAY_FIELDS, lieuSchema } from "@/lib/schemas/lieu";
import { z } from "@/lib/schemas/zod";
import { createLieu, deleteLieu, updateLieu } from "@/server/lieu";
import { formDataToObject, runMutation } from "@/server/mutation";

// Ids are bound by the pages but come back from the browser: updateLieu and deleteLieu check the
// policy against the acteur the lieu really belongs to, read from the database.
const GONE: ActionResult<never> = { ok: false, code: "not_found", message: "Ce lieu n'existe plus : il a peut-être été supprimé entre-temps." };

function acteurPath(acteurId: number): string {
  const slug = getActeurById(getDb(), acteurId)?.slug;
  return slug ? `/acteurs/${slug}` : "/acteurs";
}

/** Adds a lieu to the acteur, then shows it on the acteur's page. */
export async function createLieuAction(acteurId: number, previous: FormState<unknown> | null, form: FormData): Promise<FormState<unknown>> {
  const input = formDataToObject(form, LIEU_ARRAY_FIELDS);
  const result = await runMutation({
    schema: lieuSchema,
    input,
    run: (viewer, data) => createLieu(getDb(), viewer, acteurId, data).id,
  });
  if (!result.ok) return toFormState(result, input, previous);
  revalidatePath("/", "layout");
  redirect(`${acteurPath(acteurId)}?lieu=ajoute#lieu-${result.data}`);
}

/** Saves a lieu, then shows it on the acteur's page. */
export async function updateLieuAction(lieuId: number, previous: FormState<unknown> | null, form: FormData): Promise<FormState<unknown>> {
  const input = formDataToObject(form, LIEU_ARRAY_FIELDS);
  const existing = getLieuById(getDb(), lieuId);
  if (!existing) return toFormState(GONE, input, previous);
  const result = await runMutation({
    schema: lieuSchema,
    input,
    run: (viewer, data) => updateLieu(getDb(), viewer, lieuId, data).id,
  });
  if (!result.ok) return toFormState(result, input, previous);
  revalidatePath("/", "layout");
  redirect(`${acteurPath(existing.acteurId)}?lieu=modifie#lieu-${lieuId}`);
}

/** Deletes a lieu after the confirmation of the form, then goes back to the acteur's settings. */
export async function deleteLieuAction(lieuId: number, previous: FormState<unknown> | null, _form: FormData): Promise<FormState<unknown>> {
  const existing = getLieuById(getDb(), lieuId);
  if (!existing) return toFormState(GONE, {}, previous);
  const result = await runMutation({
    schema: z.object({}),
    input: {},
    run: (viewer) => deleteLieu(getDb(), viewer, lieuId),
  });
  if (!result.ok) return toFormState(result, {}, previous);
  revalidatePath("/", "layout");
  redirect(`${acteurPath(existing.acteurId)}/modifier?lieu=supprime`);
}

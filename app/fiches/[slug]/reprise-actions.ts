"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { toFormState, type FormState } from "@/lib/form-state";
import { repriseSchema, withdrawRepriseSchema } from "@/lib/reprise/schema";
import { declareReprise, withdrawReprise } from "@/server/reprise";
import { formDataToObject, runMutation } from "@/server/mutation";

// The fiche id is bound by the page but comes back from the browser: the domain command checks the
// policy against the fiche as stored.

/** "Nous l'avons reprise": declares, or corrects, the take-up of this fiche by one of the viewer's acteurs. */
export async function declareRepriseAction(ficheId: number, previous: FormState | null, form: FormData): Promise<FormState> {
  const input = { ...formDataToObject(form), ficheId: String(ficheId) };
  const result = await runMutation({
    schema: repriseSchema,
    input,
    run: (viewer, data) => declareReprise(getDb(), viewer, data).created,
  });
  if (!result.ok) return toFormState(result, input, previous);
  revalidatePath("/", "layout");
  const message = result.data ? "Merci ! Votre reprise est maintenant affichée sur la fiche." : "Votre reprise a été mise à jour.";
  return toFormState({ ok: true, data: undefined, message }, {}, previous);
}

/** Withdraws an acteur's take-up of this fiche. */
export async function withdrawRepriseAction(ficheId: number, slug: string, previous: FormState | null, form: FormData): Promise<FormState> {
  const input = { ...formDataToObject(form), ficheId: String(ficheId) };
  const result = await runMutation({
    schema: withdrawRepriseSchema,
    input,
    run: (viewer, data) => withdrawReprise(getDb(), viewer, data),
  });
  if (!result.ok) return toFormState(result, input, previous);
  revalidatePath("/", "layout");
  // The withdrawn line leaves the page with its button: the confirmation is said by the section itself.
  redirect(`/fiches/${encodeURIComponent(slug)}?reprise=retiree#reprises`);
}

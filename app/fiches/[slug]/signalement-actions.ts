"use server";

import { getDb } from "@/db/client";
import { toFormState, type FormState } from "@/lib/form-state";
import { reportFicheSchema } from "@/lib/schemas/moderation";
import { formDataToObject, runMutation } from "@/server/mutation";
import { reportFiche } from "@/server/signalement";

/** "Signaler un problème" on a fiche's page: any signed-in reader sends a report to the moderators. */
export async function reportFicheAction(previous: FormState | null, form: FormData): Promise<FormState> {
  const input = formDataToObject(form);
  const result = await runMutation({
    schema: reportFicheSchema,
    input,
    run: (viewer, data) => reportFiche(getDb(), viewer, data),
  });
  if (!result.ok) return toFormState(result, input, previous);
  // No revalidatePath: every page is rendered per request (the root layout awaits connection()), so
  // the moderation queue shows the report anyway, and Next would re-render this whole fiche page into
  // the answer, which the form does not use.
  const message = result.data.created
    ? "Merci, votre signalement a été transmis aux modérateurs."
    : "Merci, votre signalement a été transmis aux modérateurs. Il remplace celui que vous aviez déjà envoyé sur cette fiche.";
  return toFormState({ ok: true, data: undefined, message }, input, previous);
}

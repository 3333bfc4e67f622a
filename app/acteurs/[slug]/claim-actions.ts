"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActeurById } from "@/db/queries/acteur";
import { toFormState, type FormState } from "@/lib/form-state";
import { requestActeurClaimSchema } from "@/lib/schemas/acteur-claim";
import { requestActeurClaim } from "@/server/acteur-claim";
import { formDataToObject, runMutation } from "@/server/mutation";

/** "Demandez à la gérer": a signed-in non-member asks the moderators to manage an acteur without members. */
export async function requestActeurClaimAction(acteurId: number, previous: FormState | null, form: FormData): Promise<FormState> {
  const input = formDataToObject(form);
  const result = await runMutation({
    schema: requestActeurClaimSchema,
    input,
    run: (viewer, data) => requestActeurClaim(getDb(), viewer, acteurId, data),
  });
  if (!result.ok) return toFormState(result, input, previous);
  revalidatePath("/moderation");
  revalidatePath("/compte");
  const slug = getActeurById(getDb(), acteurId)?.slug;
  redirect(slug ? `/acteurs/${slug}?demande=1` : "/compte");
}

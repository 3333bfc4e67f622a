"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { decideActeurClaimSchema } from "@/lib/schemas/acteur-claim";
import { acceptActeurClaim, refuseActeurClaim } from "@/server/acteur-claim";
import { formDataToObject, runMutation } from "@/server/mutation";
import type { ModerationOutcome } from "./views";

async function decide(form: FormData, run: typeof acceptActeurClaim, outcome: ModerationOutcome): Promise<ActionResult> {
  const result = await runMutation({
    schema: decideActeurClaimSchema,
    input: formDataToObject(form),
    run: (viewer, data) => run(getDb(), viewer, data),
  });
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  redirect(`/moderation?fait=${outcome}`);
}

/** "Accepter": the person who asked becomes a member of the acteur. */
export async function acceptActeurClaimAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return decide(form, acceptActeurClaim, "demande-acceptee");
}

/** "Refuser", with an optional note the person reads on their account page. */
export async function refuseActeurClaimAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return decide(form, refuseActeurClaim, "demande-refusee");
}

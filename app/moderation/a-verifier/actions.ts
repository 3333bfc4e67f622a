"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { completeVerificationSchema, verificationDecisionSchema } from "@/lib/schemas/verification";
import { runMutation } from "@/server/mutation";
import { applyVerificationDecision, completeVerification } from "@/server/verification";

/** One decision of the review queue (reject a theme, remove an acteur, correct the title…) on a fiche. */
export async function decideVerificationAction(input: unknown): Promise<ActionResult<{ changed: boolean }>> {
  const result = await runMutation({ schema: verificationDecisionSchema, input, run: (viewer, data) => applyVerificationDecision(getDb(), viewer, data) });
  if (result.ok && result.data.changed) revalidatePath("/fiches", "layout");
  return result;
}

/** Ends the review of a fiche: confirms the suggested themes left and clears « à vérifier ». */
export async function completeVerificationAction(input: unknown): Promise<ActionResult<{ cleared: boolean }>> {
  const result = await runMutation({ schema: completeVerificationSchema, input, run: (viewer, data) => completeVerification(getDb(), viewer, data) });
  if (result.ok) {
    revalidatePath("/moderation");
    revalidatePath("/fiches", "layout");
  }
  return result;
}

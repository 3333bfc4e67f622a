"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getDb } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import type { Viewer } from "@/lib/policies/viewer";
import { mergeFichesSchema, moderateFicheSchema, resolveSignalementSchema } from "@/lib/schemas/moderation";
import { archiveFiche, hideFiche, mergeFiches, unhideFiche } from "@/server/moderation";
import { formDataToObject, runMutation } from "@/server/mutation";
import { resolveSignalement } from "@/server/signalement";
import { MODERATION_VIEWS, type ModerationOutcome } from "./views";

/**
 * Runs one moderation decision through the mutation path; on success, goes back to the view the
 * moderator was on with a message saying what was done (the report or fiche may have left the list).
 */
async function moderate<S extends z.ZodType>(
  form: FormData,
  schema: S,
  run: (viewer: Viewer | null, data: z.infer<S>) => { slugs: string[] },
  outcome: ModerationOutcome,
): Promise<ActionResult> {
  const result = await runMutation({ schema, input: formDataToObject(form), run });
  if (!result.ok) return result;
  revalidatePath("/moderation");
  revalidatePath("/fiches");
  revalidatePath("/");
  for (const slug of result.data.slugs) revalidatePath(`/fiches/${slug}`);
  const vue = form.get("vue");
  const view = typeof vue === "string" && (MODERATION_VIEWS as readonly string[]).includes(vue) ? vue : MODERATION_VIEWS[0];
  redirect(`/moderation?vue=${view}&fait=${outcome}`);
}

export async function resolveSignalementAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return moderate(form, resolveSignalementSchema, (viewer, data) => (resolveSignalement(getDb(), viewer, data), { slugs: [] }), "resolu");
}

export async function hideFicheAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return moderate(form, moderateFicheSchema, (viewer, data) => ({ slugs: [hideFiche(getDb(), viewer, data.ficheId).slug] }), "masquee");
}

export async function unhideFicheAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return moderate(form, moderateFicheSchema, (viewer, data) => ({ slugs: [unhideFiche(getDb(), viewer, data.ficheId).slug] }), "visible");
}

export async function archiveFicheAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return moderate(form, moderateFicheSchema, (viewer, data) => ({ slugs: [archiveFiche(getDb(), viewer, data.ficheId).slug] }), "archivee");
}

export async function mergeFichesAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return moderate(
    form,
    mergeFichesSchema,
    (viewer, data) => {
      const { source, target } = mergeFiches(getDb(), viewer, data);
      return { slugs: [source.slug, target.slug] };
    },
    "fusionnee",
  );
}

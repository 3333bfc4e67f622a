"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { restoreRevisionSchema } from "@/lib/schemas/revision";
import { formDataToObject, runMutation } from "@/server/mutation";
import { restoreRevision } from "@/server/revision";

export type RestoreOutcome = { revisionId: number };

/** Restores a revision of a fiche as a new forward edit, for those who may edit the fiche. */
export async function restoreRevisionAction(_prev: ActionResult<RestoreOutcome> | null, form: FormData): Promise<ActionResult<RestoreOutcome>> {
  const result = await runMutation({
    schema: restoreRevisionSchema,
    input: formDataToObject(form),
    run: (viewer, data) => restoreRevision(getDb(), data.ficheId, data.revisionId, viewer),
  });
  if (!result.ok) return result;
  revalidatePath("/fiches/[slug]", "layout");
  revalidatePath("/modifications-recentes");
  return {
    ok: true,
    data: { revisionId: result.data.id },
    message: "Cette version est restaurée : c'est de nouveau le contenu de la fiche, pour tous ceux qui la consultent ou la modifient. L'historique garde toutes les versions.",
  };
}

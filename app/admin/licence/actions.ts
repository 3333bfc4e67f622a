"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { contentLicenceSchema } from "@/lib/schemas/licence";
import { setContentLicence } from "@/server/licence";
import { formDataToObject, runMutation } from "@/server/mutation";

/** Sets the licence of the wiki's content, shown in every page's footer and carried by every export. */
export async function chooseContentLicence(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runMutation({
    schema: contentLicenceSchema,
    input: formDataToObject(form),
    run: (viewer, data) => setContentLicence(getDb(), viewer, data.licence),
  });
  if (!result.ok) {
    // One visible field: put its error in the message itself.
    return { ...result, message: Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.message };
  }
  // The footer of every page cites the licence.
  revalidatePath("/", "layout");
  return {
    ok: true,
    data: undefined,
    message: `La licence du contenu est maintenant « ${result.data.name} ». Elle s'affiche au pied de chaque page et accompagne chaque export.`,
  };
}

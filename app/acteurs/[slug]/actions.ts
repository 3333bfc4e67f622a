"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActeurById } from "@/db/queries/acteur";
import { toFormState, type FormState } from "@/lib/form-state";
import { isModerator } from "@/lib/policies/viewer";
import { ACTEUR_ARRAY_FIELDS, acteurSchema, addMemberSchema, removeMemberSchema } from "@/lib/schemas/acteur";
import { addMember, removeMember, updateActeur } from "@/server/acteur";
import { formDataToObject, runMutation } from "@/server/mutation";

// The acteur id is bound by the page, but a bound argument comes back from the browser: the domain
// commands check the policy against it, never trusting that the page was allowed.

/** Saves the acteur's profile; its slug does not change. */
export async function updateActeurAction(acteurId: number, previous: FormState<unknown> | null, form: FormData): Promise<FormState<unknown>> {
  const input = formDataToObject(form, ACTEUR_ARRAY_FIELDS);
  const result = await runMutation({
    schema: acteurSchema,
    input,
    run: (viewer, data) => {
      updateActeur(getDb(), viewer, acteurId, data);
      return undefined;
    },
  });
  if (result.ok) revalidatePath("/", "layout");
  return toFormState(result.ok ? { ...result, message: "Modifications enregistrées." } : result, input, previous);
}

/** Adds a registered person to the acteur's members, by email. */
export async function addMemberAction(acteurId: number, previous: FormState<unknown> | null, form: FormData): Promise<FormState<unknown>> {
  const input = formDataToObject(form);
  const result = await runMutation({
    schema: addMemberSchema,
    input,
    run: (viewer, data) => addMember(getDb(), viewer, acteurId, data.email),
  });
  if (!result.ok) return toFormState(result, input, previous);
  revalidatePath("/", "layout");
  // The field is emptied after a success: the next person is typed from scratch.
  return toFormState({ ok: true, data: undefined, message: `${result.data.name} est maintenant membre.` }, {}, previous);
}

/** Removes a member; someone who removes themselves and is no moderator goes back to the public page. */
export async function removeMemberAction(acteurId: number, previous: FormState<unknown> | null, form: FormData): Promise<FormState<unknown>> {
  const input = formDataToObject(form);
  let leftOwnActeur = false;
  const result = await runMutation({
    schema: removeMemberSchema,
    input,
    run: (viewer, data) => {
      const removed = removeMember(getDb(), viewer, acteurId, data.userId);
      leftOwnActeur = data.userId === viewer!.id && !isModerator(viewer);
      return removed;
    },
  });
  if (!result.ok) return toFormState(result, input, previous);
  revalidatePath("/", "layout");
  const slug = getActeurById(getDb(), acteurId)?.slug;
  if (leftOwnActeur && slug) redirect(`/acteurs/${slug}?quitte=1`);
  return toFormState({ ok: true, data: undefined, message: `${result.data.name} ne fait plus partie des membres.` }, {}, previous);
}

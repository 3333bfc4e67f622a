"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { followSchema } from "@/lib/follow/schema";
import { toFormState, type FormState } from "@/lib/form-state";
import { setFollow } from "@/server/follow";
import { formDataToObject, runMutation } from "@/server/mutation";

/** « Suivre » / « Ne plus suivre »: the result says whether the person now follows the target. */
export async function setFollowAction(previous: FormState<boolean> | null, form: FormData): Promise<FormState<boolean>> {
  const input = formDataToObject(form);
  const result = await runMutation({
    schema: followSchema,
    input,
    run: (viewer, data) => {
      setFollow(getDb(), viewer, data);
      return data.following;
    },
  });
  if (result.ok) revalidatePath("/compte/suivis");
  return toFormState(result, input, previous);
}

/** « Ne plus suivre » from the list of follows: the line goes, and the list says so. */
export async function unfollowFromListAction(previous: FormState<boolean> | null, form: FormData): Promise<FormState<boolean>> {
  const input = { ...formDataToObject(form), following: "non" };
  const result = await runMutation({
    schema: followSchema,
    input,
    run: (viewer, data) => {
      setFollow(getDb(), viewer, data);
      return false;
    },
  });
  if (!result.ok) return toFormState(result, input, previous);
  revalidatePath("/compte/suivis");
  redirect("/compte/suivis?retire=1");
}

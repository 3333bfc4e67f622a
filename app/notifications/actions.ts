"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { toFormState, type FormState } from "@/lib/form-state";
import { z } from "@/lib/schemas/zod";
import { markAllNotificationsRead } from "@/server/notification-inbox";
import { runMutation } from "@/server/mutation";

/** « Tout marquer comme lu » for the signed-in person. */
export async function markAllMyNotificationsRead(previous: FormState<number> | null): Promise<FormState<number>> {
  const result = await runMutation({ schema: z.object({}), input: {}, run: (viewer) => markAllNotificationsRead(getDb(), viewer) });
  if (!result.ok) return toFormState(result, {}, previous);
  revalidatePath("/notifications");
  const message = result.data === 0 ? "Aucune notification n'était non lue." : result.data === 1 ? "1 notification marquée comme lue." : `${result.data} notifications marquées comme lues.`;
  return toFormState({ ...result, message }, {}, previous);
}

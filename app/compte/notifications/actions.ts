"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { toFormState, type FormState } from "@/lib/form-state";
import { notificationPreferencesSchema } from "@/lib/notification/schema";
import { z } from "@/lib/schemas/zod";
import { publicUrl } from "@/server/config";
import { formDataToObject, runMutation } from "@/server/mutation";
import { renewFeedToken, updateNotificationPreferences } from "@/server/notification-setting";
import { personalFeedPath } from "@/lib/notification/feed";

/** Saves the signed-in person's digest frequency and immediate mails. */
export async function saveMyNotificationPreferences(previous: FormState<void> | null, form: FormData): Promise<FormState<void>> {
  const input = formDataToObject(form);
  const result = await runMutation({
    schema: notificationPreferencesSchema,
    input,
    run: (viewer, data) => updateNotificationPreferences(getDb(), viewer, data),
  });
  if (!result.ok) return toFormState(result, input, previous);
  revalidatePath("/compte/notifications");
  return toFormState({ ...result, message: "Vos préférences sont enregistrées." }, input, previous);
}

/** Creates or renews the secret address of the signed-in person's Atom feed; the previous one stops working. */
export async function renewMyFeedLink(previous: FormState<string> | null): Promise<FormState<string>> {
  const result = await runMutation({ schema: z.object({}), input: {}, run: (viewer) => renewFeedToken(getDb(), viewer) });
  if (!result.ok) return toFormState(result, {}, previous);
  revalidatePath("/compte/notifications");
  const url = `${publicUrl()}${personalFeedPath(result.data)}`;
  return toFormState({ ok: true, data: url, message: "Voici l'adresse de votre flux. Toute adresse créée avant ne fonctionne plus." }, {}, previous);
}

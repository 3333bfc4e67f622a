import { z } from "@/lib/schemas/zod";
import { DIGEST_FREQUENCIES } from "./values";

/** The preferences form: the digest's frequency, and whether mentions and replies come by mail at once (a checkbox, absent when unticked). */
export const notificationPreferencesSchema = z.object({
  digest: z.enum(DIGEST_FREQUENCIES, { error: "Choisissez la fréquence du résumé : chaque jour, chaque semaine ou jamais." }),
  mailMentions: z
    .literal("oui", { error: "Cochez la case ou laissez-la vide." })
    .optional()
    .transform((value) => value === "oui"),
});

/** Labels of the digest frequencies, as the preferences page offers them. */
export const DIGEST_LABELS = {
  quotidien: "Chaque jour (vers 7 h)",
  hebdomadaire: "Chaque semaine (le lundi vers 7 h)",
  jamais: "Jamais",
} as const;

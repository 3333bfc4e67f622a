import { describe, expect, it } from "vitest";
import { notificationPreferencesSchema } from "./schema";

describe("notificationPreferencesSchema", () => {
  it("reads the ticked box as true and its absence as false", () => {
    expect(notificationPreferencesSchema.parse({ digest: "hebdomadaire", mailMentions: "oui" })).toEqual({ digest: "hebdomadaire", mailMentions: true });
    expect(notificationPreferencesSchema.parse({ digest: "jamais" })).toEqual({ digest: "jamais", mailMentions: false });
  });

  it("refuses an unknown frequency and a forged checkbox value in French", () => {
    const result = notificationPreferencesSchema.safeParse({ digest: "horaire", mailMentions: "1" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual([
      "Choisissez la fréquence du résumé : chaque jour, chaque semaine ou jamais.",
      "Cochez la case ou laissez-la vide.",
    ]);
  });
});

import { FICHE_ACTEUR_ROLES } from "@/lib/fiche/values";
import { FICHE_TITRE_MAX } from "./fiche";
import { requiredText, z } from "./zod";

export const VERIFICATION_COMMUNE_MAX = 120;
/** More suggested themes than a fiche could ever show: a bigger list is not from the page. */
const MAX_THEMES = 100;

const id = (message: string) => z.coerce.number({ error: message }).int(message).positive(message).max(2 ** 31, message);
const ficheId = id("Fiche inconnue.");
const termId = id("Terme inconnu.");
const acteurId = id("Acteur inconnu.");

/**
 * One decision of the review queue that changes a fiche's content. Confirming a public, an acteur's
 * role, the commune or the title changes nothing and needs no request.
 */
export const verificationDecisionSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("confirmer-theme"), ficheId, termId }),
    z.object({ action: z.literal("rejeter-theme"), ficheId, termId }),
    z.object({ action: z.literal("rejeter-public"), ficheId, termId }),
    z.object({ action: z.literal("retirer-acteur"), ficheId, acteurId }),
    z.object({ action: z.literal("changer-role"), ficheId, acteurId, role: z.enum(FICHE_ACTEUR_ROLES, { error: "Choisissez un rôle dans la liste." }) }),
    z.object({
      action: z.literal("corriger-commune"),
      ficheId,
      commune: z.preprocess(
        (v) => (typeof v === "string" ? v.trim() : v),
        z.string({ error: "Indiquez la commune." }).max(VERIFICATION_COMMUNE_MAX, `${VERIFICATION_COMMUNE_MAX} caractères au maximum.`),
      ),
    }),
    z.object({ action: z.literal("corriger-titre"), ficheId, titre: requiredText("Le titre", FICHE_TITRE_MAX) }),
  ],
  { error: "Décision inconnue." },
);
export type VerificationDecision = z.infer<typeof verificationDecisionSchema>;

/** Ends the review of a fiche: the suggested themes still on screen are confirmed, and « à vérifier » cleared. */
export const completeVerificationSchema = z.object({
  ficheId,
  confirmThemes: z.array(termId).max(MAX_THEMES, "Trop de thèmes.").default([]),
});
export type CompleteVerificationInput = z.infer<typeof completeVerificationSchema>;

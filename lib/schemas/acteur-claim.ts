import { optionalText, requiredText, z } from "./zod";

export const ACTEUR_CLAIM_MESSAGE_MAX = 2000;
export const ACTEUR_CLAIM_FONCTION_MAX = 120;
export const ACTEUR_CLAIM_NOTE_MAX = 1000;

const id = (message: string) => z.coerce.number({ error: message }).int(message).positive(message);

/** "Demandez à la gérer": who you are there and why, read by the moderators. */
export const requestActeurClaimSchema = z.object({
  message: requiredText("Votre message", ACTEUR_CLAIM_MESSAGE_MAX),
  fonction: requiredText("Votre fonction dans l'organisation", ACTEUR_CLAIM_FONCTION_MAX),
});
export type RequestActeurClaimInput = z.infer<typeof requestActeurClaimSchema>;

/** A moderator's answer; the note is shown to the person on their account page. */
export const decideActeurClaimSchema = z.object({
  claimId: id("Demande inconnue."),
  note: optionalText(ACTEUR_CLAIM_NOTE_MAX),
});
export type DecideActeurClaimInput = z.infer<typeof decideActeurClaimSchema>;

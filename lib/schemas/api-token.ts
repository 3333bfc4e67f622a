import { requiredText, z } from "./zod";

export const API_TOKEN_NAME_MAX = 80;

/** A new personal API token: its name says what uses it ("Tableur de l'équipe", "Script de synchronisation"). */
export const createApiTokenSchema = z.object({
  name: requiredText("Le nom du jeton", API_TOKEN_NAME_MAX),
});

export const revokeApiTokenSchema = z.object({
  tokenId: z.coerce.number({ error: "Jeton inconnu." }).int("Jeton inconnu.").positive("Jeton inconnu."),
});

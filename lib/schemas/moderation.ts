import { SIGNALEMENT_MOTIFS, type SignalementMotif } from "@/lib/signalement/values";
import { optionalText, z } from "./zod";

export const SIGNALEMENT_COMMENTAIRE_MAX = 1000;
export const RESOLUTION_MAX = 1000;

/** How the report form and the moderators' queue name each motif. */
export const SIGNALEMENT_MOTIF_LABELS: Record<SignalementMotif, string> = {
  inapproprie: "Contenu inapproprié",
  obsolete: "Information obsolète",
  erreurs: "Erreurs",
  doublon: "Doublon d'une autre fiche",
};

const id = (message: string) => z.coerce.number({ error: message }).int(message).positive(message);
const optionalId = (message: string) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number({ error: message }).int(message).positive(message).optional());

export const reportFicheSchema = z.object({
  ficheId: id("Fiche inconnue."),
  motif: z.enum(SIGNALEMENT_MOTIFS, { error: "Choisissez la nature du problème." }),
  commentaire: optionalText(SIGNALEMENT_COMMENTAIRE_MAX),
  autreFicheId: optionalId("Choisissez l'autre fiche dans la liste."),
});
export type ReportFicheInput = z.infer<typeof reportFicheSchema>;

export const resolveSignalementSchema = z.object({
  signalementId: id("Signalement inconnu."),
  resolution: optionalText(RESOLUTION_MAX),
});

export const moderateFicheSchema = z.object({ ficheId: id("Fiche inconnue.") });

export const mergeFichesSchema = z.object({
  sourceId: id("Fiche inconnue."),
  targetId: id("Choisissez dans la liste la fiche avec laquelle fusionner celle-ci."),
});

import { z } from "@/lib/schemas/zod";
import { FOLLOW_TARGETS } from "./values";

/** « Suivre » and « Ne plus suivre »: what, and whether to follow it from now on. */
export const followSchema = z.object({
  targetType: z.enum(FOLLOW_TARGETS, { error: "On ne peut pas suivre ce type de contenu." }),
  targetId: z.coerce.number({ error: "Contenu inconnu." }).int("Contenu inconnu.").positive("Contenu inconnu."),
  following: z.enum(["oui", "non"], { error: "Choisissez de suivre ou de ne plus suivre." }).transform((v) => v === "oui"),
});
export type FollowInput = z.infer<typeof followSchema>;

/** How the list of follows and the buttons name each kind of target. */
export const FOLLOW_TARGET_LABELS = {
  fiche: { singular: "cette fiche", plural: "Fiches" },
  acteur: { singular: "cet acteur", plural: "Acteurs" },
  theme: { singular: "ce thème", plural: "Thèmes" },
  catalogue: { singular: "ce catalogue", plural: "Catalogues" },
  fil: { singular: "cette discussion", plural: "Discussions" },
} as const;

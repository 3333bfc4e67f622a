import { TAXONOMIES } from "@/lib/taxonomy/values";
import { requiredText, z } from "./zod";

export const TERM_LABEL_MAX = 160;
export const TERM_DESCRIPTION_MAX = 500;
export const TERM_RANK_MAX = 9999;

const termId = z.coerce.number({ error: "Terme inconnu." }).int("Terme inconnu.").positive("Terme inconnu.");

const label = requiredText("Le libellé", TERM_LABEL_MAX);

const description = z.preprocess(
  (v) => (v == null ? "" : typeof v === "string" ? v.trim() : v),
  z.string().max(TERM_DESCRIPTION_MAX, `${TERM_DESCRIPTION_MAX} caractères au maximum.`),
);

const rankMessage = "La position est un nombre entier, 1 pour la première place.";
const rankNumber = z.number({ error: rankMessage }).int(rankMessage).min(1, rankMessage).max(TERM_RANK_MAX, rankMessage);
// Form inputs send "" for an empty field: that means "not given", never 0.
const emptyToUndefined = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v);
/** The place of a term in its list, from 1; a rank past the end means last. */
const rank = z.preprocess(emptyToUndefined, rankNumber);
const optionalRank = z.preprocess(emptyToUndefined, rankNumber.optional());

export const taxonomySchema = z.enum(TAXONOMIES, { error: "Taxonomie inconnue : choisissez theme, public, enjeu ou objectif." });

/** A new term; without a rank it goes to the end of its taxonomy. */
export const createTermSchema = z.object({
  taxonomy: taxonomySchema,
  label,
  description,
  rank: optionalRank,
});
export type CreateTermInput = z.infer<typeof createTermSchema>;

export const updateTermSchema = z.object({
  termId,
  label,
  description,
  rank,
});
export type UpdateTermInput = z.infer<typeof updateTermSchema>;

export const deleteTermSchema = z.object({ termId });

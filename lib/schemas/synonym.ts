import { foldWord, tokenize } from "@/lib/search/french";
import { z } from "./zod";

export const SYNONYM_EXPRESSION_MAX = 80;
export const SYNONYM_GROUP_MAX = 12;

const synonymId = z.coerce.number({ error: "Groupe inconnu." }).int("Groupe inconnu.").positive("Groupe inconnu.");

/** What an expression is compared by: its folded words ("Démarches en ligne" = "demarches en ligne"). */
export function synonymKey(expression: string): string {
  return tokenize(expression)
    .map((t) => t.word)
    .filter(Boolean)
    .join(" ");
}

/**
 * The expressions of a group, from a textarea (one per line) or a list. Blank lines are ignored;
 * an expression needs a letter or a digit, since signs are separators for the search.
 */
const expressions = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/\r?\n/) : v),
  z
    .array(z.string({ error: "Écrivez une expression par ligne." }))
    .transform((lines) => lines.map((line) => line.trim().replace(/\s+/g, " ")).filter(Boolean))
    .pipe(
      z
        .array(
          z
            .string()
            .max(SYNONYM_EXPRESSION_MAX, `Une expression compte ${SYNONYM_EXPRESSION_MAX} caractères au maximum.`)
            .refine((e) => foldWord(e) !== "", "Une expression doit contenir au moins une lettre ou un chiffre."),
        )
        .min(2, "Un groupe réunit au moins deux expressions, une par ligne.")
        .max(SYNONYM_GROUP_MAX, `Un groupe réunit ${SYNONYM_GROUP_MAX} expressions au maximum.`)
        .refine((list) => new Set(list.map(synonymKey)).size === list.length, "Chaque expression ne figure qu'une fois dans le groupe."),
    ),
);

/** A new group of synonyms. */
export const createSynonymSchema = z.object({ expressions });
export type CreateSynonymInput = z.infer<typeof createSynonymSchema>;

/** A group's new expressions. */
export const updateSynonymSchema = z.object({ synonymId, expressions });
export type UpdateSynonymInput = z.infer<typeof updateSynonymSchema>;

export const deleteSynonymSchema = z.object({ synonymId });
export type DeleteSynonymInput = z.infer<typeof deleteSynonymSchema>;

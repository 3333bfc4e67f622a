import { FICHE_TYPES } from "@/lib/fiche/values";
import { z } from "./zod";

const id = (message: string) => z.coerce.number({ error: message }).int(message).positive(message);
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blankToUndefined = (v: unknown) => {
  const value = first(v);
  return typeof value === "string" && value.trim() === "" ? undefined : value;
};

/** Restoring a revision of a fiche, from the revision's page. */
export const restoreRevisionSchema = z.object({
  ficheId: id("Fiche inconnue."),
  revisionId: id("Version inconnue."),
});

/** The two versions to compare, from the history's radio buttons (?de=…&a=…). */
export const compareRevisionsSchema = z
  .object({
    de: z.preprocess(blankToUndefined, id("Choisissez la version de départ.")),
    a: z.preprocess(blankToUndefined, id("Choisissez la version d'arrivée.")),
  })
  .refine((v) => v.de !== v.a, { message: "Choisissez deux versions différentes.", path: ["a"] });

const optionalSlug = z.preprocess(
  (v) => {
    const value = first(v);
    return typeof value === "string" && /^[a-z0-9-]{1,100}$/.test(value) ? value : undefined;
  },
  z.string().optional(),
);
const page = z.preprocess(first, z.coerce.number().int().min(1).max(10_000).optional().catch(undefined));

/**
 * The filters of the recent changes, read from the URL (page and Atom feed alike). Lenient: a value
 * that makes no sense is dropped rather than refused, so that a shared link still shows a list.
 */
export const recentChangesFiltersSchema = z.object({
  type: z.preprocess(first, z.enum(FICHE_TYPES).optional().catch(undefined)),
  acteur: optionalSlug,
  theme: optionalSlug,
  page,
});
export type RecentChangesFiltersInput = z.infer<typeof recentChangesFiltersSchema>;

/** The page of a fiche's history. */
export const historyPageSchema = z.object({ page });

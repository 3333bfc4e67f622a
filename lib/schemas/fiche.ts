import { FICHE_STATUTS, FICHE_TYPES } from "@/lib/fiche/values";
import { ETATS_ACTION } from "@/lib/fiche/document";
import { requiredText, z } from "./zod";

export const FICHE_TITRE_MAX = 200;

const ficheId = z.coerce.number({ error: "Fiche inconnue." }).int("Fiche inconnue.").positive("Fiche inconnue.");
const checkbox = z.preprocess((v) => v === true || v === "true" || v === "on" || v === "1", z.boolean());

export const ficheTypeSchema = z.enum(FICHE_TYPES, { error: "Choisissez le type de fiche." });

export const createFicheSchema = z.object({
  type: ficheTypeSchema,
  titre: requiredText("Le titre", FICHE_TITRE_MAX),
});

export const setFicheStatutSchema = z.object({
  ficheId,
  statut: z.enum(FICHE_STATUTS, { error: "Statut inconnu." }),
});

export const setFicheFlagSchema = z.object({ ficheId, value: checkbox });

const optionalSlug = z.preprocess(
  (v) => (typeof v === "string" && /^[a-z0-9-]{1,100}$/.test(v) ? v : undefined),
  z.string().optional(),
);
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/**
 * The filters of the fiche list, read from the URL. Lenient: a value that makes no sense is
 * dropped rather than refused, so that a shared or hand-edited link still shows a list.
 */
export const ficheFiltersSchema = z.object({
  type: z.preprocess(first, z.enum(FICHE_TYPES).optional().catch(undefined)),
  theme: z.preprocess(first, optionalSlug),
  public: z.preprocess(first, optionalSlug),
  acteur: z.preprocess(first, optionalSlug),
  commune: z.preprocess((v) => {
    const value = first(v);
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  }, z.string().max(200).optional().catch(undefined)),
  etat: z.preprocess(first, z.enum(ETATS_ACTION).optional().catch(undefined)),
  statut: z.preprocess(first, z.enum(FICHE_STATUTS).optional().catch(undefined)),
  // "non": a theme only counts where someone confirmed it, not where the classifier suggested it.
  suggeres: z.preprocess(first, z.literal("non").optional().catch(undefined)),
  ebauche: z.preprocess(first, z.enum(["oui", "non"]).optional().catch(undefined)),
  reprise: z.preprocess(first, z.literal("oui").optional().catch(undefined)),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000).optional().catch(undefined)),
});
export type FicheFiltersInput = z.infer<typeof ficheFiltersSchema>;

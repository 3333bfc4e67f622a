import { CATALOGUE_STATUTS } from "@/lib/catalogue/values";
import { optionalText, requiredText, z } from "./zod";

export const CATALOGUE_TITRE_MAX = 200;
export const CATALOGUE_TEXT_MAX = 5000;
export const DUREE_MAX = 100;
export const NOTE_MAX = 2000;
// The Livre blanc has 121 fiches; a training path rarely needs more than a few dozen, so these caps leave room
// while bounding what one catalogue's page, PDF and copy cost.
export const CATALOGUE_MODULES_MAX = 50;
export const CATALOGUE_ITEMS_MAX = 200;

const id = (unknown: string) => z.coerce.number({ error: unknown }).int(unknown).positive(unknown);
// Module and item positions are 0-based indexes; the server clamps them to the list's length.
const position = z.coerce.number({ error: "Position inconnue." }).int("Position inconnue.").min(0, "Position inconnue.").max(10_000, "Position inconnue.");
const empty = (schema: ReturnType<typeof optionalText>) => schema.transform((v) => v ?? "");

export const catalogueSchema = z.object({
  titre: requiredText("Le titre", CATALOGUE_TITRE_MAX),
  description: empty(optionalText(CATALOGUE_TEXT_MAX)),
  publicVise: empty(optionalText(1000)),
  objectifs: empty(optionalText(CATALOGUE_TEXT_MAX)),
  duree: empty(optionalText(DUREE_MAX)),
});
export type CatalogueInput = z.infer<typeof catalogueSchema>;

export const setCatalogueStatutSchema = z.object({
  statut: z.enum(CATALOGUE_STATUTS, { error: "Statut inconnu : choisissez brouillon ou public." }),
});

export const addOwnerSchema = z.object({
  email: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
    z.email({ error: "Saisissez l'adresse électronique de la personne, par exemple nom@exemple.fr." }).max(254),
  ),
});

export const removeOwnerSchema = z.object({ userId: id("Propriétaire inconnu.") });

export const moduleSchema = z.object({
  titre: requiredText("Le titre du module", CATALOGUE_TITRE_MAX),
  description: empty(optionalText(NOTE_MAX)),
});
export type ModuleInput = z.infer<typeof moduleSchema>;

const moduleId = id("Module inconnu : rechargez la page.");
const itemId = id("Fiche du catalogue inconnue : rechargez la page.");

export const renameModuleSchema = moduleSchema.extend({ moduleId });
export const removeModuleSchema = z.object({ moduleId });
export const moveModuleSchema = z.object({ moduleId, position });

const itemFields = {
  note: empty(optionalText(NOTE_MAX)),
  duree: empty(optionalText(DUREE_MAX)),
};

export const addFicheSchema = z.object({
  moduleId,
  ficheId: id("Choisissez une fiche dans la liste des suggestions."),
  ...itemFields,
});
export type AddFicheInput = z.infer<typeof addFicheSchema>;

export const updateItemSchema = z.object({ itemId, ...itemFields });
export const removeItemSchema = z.object({ itemId });
export const moveItemSchema = z.object({ itemId, moduleId, position });

/** The public list's search, read from the URL: lenient, a nonsensical value is dropped. */
export const catalogueSearchSchema = z.object({
  q: z.preprocess((v) => {
    const value = Array.isArray(v) ? v[0] : v;
    return typeof value === "string" && value.trim() !== "" ? value.trim().slice(0, 200) : undefined;
  }, z.string().optional()),
  page: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.coerce.number().int().min(1).max(10_000).optional().catch(undefined)),
});

import { FICHE_ACTEUR_ROLES, FICHE_STATUTS, FICHE_TYPES } from "@/lib/fiche/values";
import { ETATS_ACTION } from "@/lib/fiche/document";
import { normalizeWebsite } from "./contact";
import { FICHE_TITRE_MAX } from "./fiche";
import { z } from "./zod";

// Bodies of the REST API's fiche writes. Messages are in English (the API's language); the limits
// and choices are the editor's: same title length, same lists, same roles.

export const FICHE_TEXT_MAX = { commune: 200, quartier: 200, lienWeb: 2000, source: 2000 } as const;
const LIST_MAX = 50;

/** A term or an acteur named by its slug ("acces-aux-droits") or its numeric id. */
export const refSchema = z.union(
  [
    z.string().regex(/^[a-z0-9-]{1,100}$/, "Give a slug (lower-case letters, digits and dashes) or a numeric id."),
    z.number().int("Give a slug or a positive whole id.").positive("Give a slug or a positive whole id."),
  ],
  { error: "Give a slug (string) or a numeric id." },
);
export type Ref = z.infer<typeof refSchema>;

const text = (field: string, max: number) =>
  z.string({ error: `${field} must be a string.` }).trim().max(max, `${field} is at most ${max} characters.`);

const titre = z
  .string({ error: (issue) => (issue.input === undefined ? "titre is required." : "titre must be a string.") })
  .trim()
  .min(1, "titre cannot be empty.")
  .max(FICHE_TITRE_MAX, `titre is at most ${FICHE_TITRE_MAX} characters.`);

const lienWeb = text("lienWeb", FICHE_TEXT_MAX.lienWeb).transform((value, ctx) => {
  if (value === "") return "";
  const url = normalizeWebsite(value);
  if (!url) {
    ctx.addIssue({ code: "custom", message: "lienWeb must be a web address, e.g. https://www.example.org (or \"\" to clear it)." });
    return z.NEVER;
  }
  return url;
});

const refList = (field: string, taxonomy: string) =>
  z
    .array(refSchema, { error: `${field} must be an array of ${taxonomy} slugs or ids (see /api/v1/taxonomies/${taxonomy}).` })
    .max(LIST_MAX, `${field} holds at most ${LIST_MAX} items.`);

const acteurLink = z.strictObject(
  {
    acteur: refSchema,
    role: z.enum(FICHE_ACTEUR_ROLES, { error: `role is one of ${FICHE_ACTEUR_ROLES.join(", ")}.` }),
  },
  { error: "Each acteur is an object { acteur: slug or id, role }." },
);

/** The content fields of a fiche the API writes into its Yjs document. */
const contentFields = {
  commune: text("commune", FICHE_TEXT_MAX.commune),
  quartier: text("quartier", FICHE_TEXT_MAX.quartier),
  lienWeb,
  source: text("source", FICHE_TEXT_MAX.source),
  etat: z.enum(ETATS_ACTION, { error: `etat is one of ${ETATS_ACTION.join(", ")}, or null.` }).nullable(),
  objectif: refSchema.nullable(),
  ebauche: z.boolean({ error: "ebauche is true or false." }),
  themes: refList("themes", "theme"),
  themesSuggeres: refList("themesSuggeres", "theme"),
  publics: refList("publics", "public"),
  enjeux: refList("enjeux", "enjeu"),
  acteurs: z.array(acteurLink, { error: "acteurs must be an array of { acteur, role }." }).max(LIST_MAX, `acteurs holds at most ${LIST_MAX} items.`),
  lieux: z
    .array(z.number().int("Lieu ids are positive whole numbers.").positive("Lieu ids are positive whole numbers."), {
      error: "lieux must be an array of lieu ids.",
    })
    .max(LIST_MAX, `lieux holds at most ${LIST_MAX} items.`),
};
const contentShape = Object.fromEntries(Object.entries(contentFields).map(([name, schema]) => [name, schema.optional()])) as {
  [K in keyof typeof contentFields]: z.ZodOptional<(typeof contentFields)[K]>;
};

/** POST /api/v1/fiches: a new draft, with optional content. */
export const apiFicheCreateSchema = z.strictObject({
  type: z.enum(FICHE_TYPES, { error: `type is required, one of ${FICHE_TYPES.join(", ")}.` }),
  titre,
  ...contentShape,
});
export type ApiFicheCreate = z.infer<typeof apiFicheCreateSchema>;

/** PATCH /api/v1/fiches/{slug}: the fields to change, content and governance; lists replace the current ones. */
export const apiFichePatchSchema = z
  .strictObject({
    titre: titre.optional(),
    ...contentShape,
    statut: z.enum(FICHE_STATUTS, { error: `statut is one of ${FICHE_STATUTS.join(", ")}.` }).optional(),
    verrouillee: z.boolean({ error: "verrouillee is true or false." }).optional(),
    aVerifier: z.boolean({ error: "aVerifier is true or false." }).optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, "Give at least one field to change.");
export type ApiFichePatch = z.infer<typeof apiFichePatchSchema>;

/** The content part of a create or a patch, as the API resolves and writes it. */
export type ApiFicheContentInput = Omit<ApiFichePatch, "statut" | "verrouillee" | "aVerifier">;

import { LIEU_LIST_FIELDS, LIEU_LIST_FIELD_NAMES, type LieuListField } from "@/lib/lieu/labels";
import { readHorairesInput } from "@/lib/lieu/horaires-input";
import { emailListSchema, phoneSchema, websiteListSchema } from "./contact";
import { optionalText, requiredText, z } from "./zod";

export const LIEU_RESUME_MAX = 280;

const blankToUndefined = (v: unknown) => (typeof v === "string" ? v.trim() || undefined : v);

/** A decimal degree typed with a point or a French comma. */
const coordinate = (label: string, limit: number, example: string) =>
  z.preprocess(
    (v) => {
      const value = blankToUndefined(v);
      return typeof value === "string" ? Number(value.replace(",", ".")) : value;
    },
    z
      .number({ error: `La ${label} est un nombre décimal, par exemple ${example}.` })
      .min(-limit, `La ${label} est comprise entre -${limit} et ${limit}.`)
      .max(limit, `La ${label} est comprise entre -${limit} et ${limit}.`)
      .optional(),
  );

/** A set of labels from one of the schema's lists, given by checkboxes; kept in the schema's order. */
const labelList = (field: LieuListField) => {
  const { options, legend } = LIEU_LIST_FIELDS[field];
  const known: readonly string[] = options;
  return z.preprocess(
    (v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string({ error: `Choix invalide dans « ${legend} ».` })).transform((values, ctx) => {
      for (const value of values.filter((v) => !known.includes(v))) {
        ctx.addIssue({ code: "custom", message: `« ${value} » ne fait pas partie des choix de « ${legend} ».` });
      }
      return known.filter((o) => values.includes(o));
    }),
  );
};

// French (« du lundi au vendredi de 9h à 12h ») or OSM syntax in, normalised OSM out: only OSM is stored.
const horaires = z.preprocess(
  blankToUndefined,
  z
    .string()
    .max(1000, "1000 caractères au maximum.")
    .transform((value, ctx) => {
      const parsed = readHorairesInput(value);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }
      return parsed.normalized;
    })
    .optional(),
);

export const lieuSchema = z
  .object({
    nom: requiredText("Le nom du lieu", 200),
    adresse: requiredText("L'adresse", 250),
    complementAdresse: optionalText(250),
    codePostal: z.preprocess(
      (v) => (typeof v === "string" ? v.replace(/\s/g, "") : v),
      z.string({ error: "Le code postal est obligatoire." }).regex(/^\d{5}$/, "Le code postal compte 5 chiffres, par exemple 33000."),
    ),
    commune: requiredText("La commune", 120),
    codeInsee: z.preprocess(
      (v) => (typeof v === "string" ? v.replace(/\s/g, "").toUpperCase() || undefined : v),
      z
        .string()
        .regex(/^(\d{5}|2[AB]\d{3})$/, "Le code INSEE compte 5 caractères, par exemple 33063 pour Bordeaux ou 2A004 pour Ajaccio.")
        .optional(),
    ),
    latitude: coordinate("latitude", 90, "44.8378"),
    longitude: coordinate("longitude", 180, "-0.5792"),
    telephone: phoneSchema,
    courriels: emailListSchema,
    siteWeb: websiteListSchema,
    horaires,
    services: labelList("services").refine((v) => v.length > 0, "Choisissez au moins un service proposé dans ce lieu."),
    publicsSpecifiquementAdresses: labelList("publicsSpecifiquementAdresses"),
    priseEnChargeSpecifique: labelList("priseEnChargeSpecifique"),
    fraisACharge: labelList("fraisACharge"),
    modalitesAcces: labelList("modalitesAcces"),
    modalitesAccompagnement: labelList("modalitesAccompagnement"),
    itinerance: labelList("itinerance"),
    presentationResume: optionalText(LIEU_RESUME_MAX),
    presentationDetail: optionalText(5000),
  })
  .superRefine(
    (lieu, ctx) => {
      // Only the missing half is flagged: a wrong value already has its own message.
      const typed = (v: unknown) => v !== undefined && v !== null && v !== "";
      if (typed(lieu.latitude) && !typed(lieu.longitude)) {
        ctx.addIssue({ code: "custom", path: ["longitude"], message: "Indiquez aussi la longitude, ou effacez la latitude." });
      }
      if (typed(lieu.longitude) && !typed(lieu.latitude)) {
        ctx.addIssue({ code: "custom", path: ["latitude"], message: "Indiquez aussi la latitude, ou effacez la longitude." });
      }
    },
    // Run even when other fields are wrong, so that every error shows at the first submission.
    { when: () => true },
  );
export type LieuInput = z.infer<typeof lieuSchema>;

/** The form fields that hold several values, for formDataToObject. */
export const LIEU_ARRAY_FIELDS: string[] = LIEU_LIST_FIELD_NAMES;

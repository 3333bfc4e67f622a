import { ACTEUR_CATEGORIES } from "@/lib/acteur/values";
import { FICHE_STATUTS, FICHE_TYPES } from "@/lib/fiche/values";
import { ETATS_ACTION } from "@/lib/fiche/document";
import { LIEU_SERVICES } from "@/lib/lieu/labels";
import { SEARCH_FACETS, SEARCH_PAGE_MAX, SEARCH_QUERY_MAX, type SearchFacet } from "@/lib/search/params";
import { z } from "./zod";

// Query strings of the REST API's lists, in English. Unlike the pages' lenient filters, a wrong
// value is refused with a 400 that names it: a script should learn that its filter did nothing.

export const PER_PAGE_DEFAULT = 20;
export const PER_PAGE_MAX = 100;
/** Search ranks every match: its pages are smaller, and only the first SEARCH_PAGE_MAX are served. */
export const SEARCH_PER_PAGE_MAX = 50;
const SEARCH_FILTER_VALUES_MAX = 20;

const whole = (name: string, min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number from ${min} to ${max}.` })
    .int(`${name} must be a whole number from ${min} to ${max}.`)
    .min(min, `${name} must be a whole number from ${min} to ${max}.`)
    .max(max, `${name} must be a whole number from ${min} to ${max}.`)
    .default(fallback);

/** `page` (from 1) and `per_page` (1 to 100), spread into every list's query schema. */
export const paginationShape = {
  page: whole("page", 1, 100_000, 1),
  per_page: whole("per_page", 1, PER_PAGE_MAX, PER_PAGE_DEFAULT),
};

const slug = (name: string) => z.string().regex(/^[a-z0-9-]{1,100}$/, `${name} is a slug: lower-case letters, digits and dashes.`).optional();
const words = (name: string, max: number) => z.string().trim().min(1, `${name} cannot be empty.`).max(max, `${name} is at most ${max} characters.`).optional();
const oneOf = <T extends readonly [string, ...string[]]>(name: string, values: T) =>
  z.enum(values, { error: `${name} is one of: ${values.join(", ")}.` }).optional();

/** GET /api/v1/fiches */
export const ficheListQuerySchema = z.strictObject({
  type: oneOf("type", FICHE_TYPES),
  theme: slug("theme"),
  public: slug("public"),
  acteur: slug("acteur"),
  commune: words("commune", 200),
  etat: oneOf("etat", ETATS_ACTION),
  statut: oneOf("statut", FICHE_STATUTS),
  ...paginationShape,
});

/** GET /api/v1/acteurs */
export const acteurListQuerySchema = z.strictObject({
  categorie: oneOf("categorie", ACTEUR_CATEGORIES),
  theme: slug("theme"),
  commune: words("commune", 120),
  q: words("q", 200),
  ...paginationShape,
});

/** GET /api/v1/lieux */
export const lieuListQuerySchema = z.strictObject({
  commune: words("commune", 120),
  service: oneOf("service", LIEU_SERVICES),
  acteur: slug("acteur"),
  ...paginationShape,
});

const facetValues = (name: string) =>
  z
    .string()
    .transform((value) => [...new Set(value.split(",").map((v) => v.trim()).filter(Boolean))])
    .pipe(
      z
        .array(z.string().regex(/^[a-z0-9_-]{1,100}$/, `${name} takes slugs or keys separated by commas.`))
        .max(SEARCH_FILTER_VALUES_MAX, `${name} takes at most ${SEARCH_FILTER_VALUES_MAX} values.`),
    )
    .optional();

/** GET /api/v1/search: the words, facets as comma-separated values, and a page among the first 50. */
export const searchQuerySchema = z.strictObject({
  q: z.string({ error: "q is required: the words to search for." }).trim().min(1, "q cannot be empty.").max(SEARCH_QUERY_MAX, `q is at most ${SEARCH_QUERY_MAX} characters.`),
  ...Object.fromEntries(SEARCH_FACETS.map((facet) => [facet, facetValues(facet)])),
  page: whole("page", 1, SEARCH_PAGE_MAX, 1),
  per_page: whole("per_page", 1, SEARCH_PER_PAGE_MAX, PER_PAGE_DEFAULT),
}) as z.ZodType<{ q: string; page: number; per_page: number } & Partial<Record<SearchFacet, string[]>>>;

import { ACTEUR_CATEGORIES, type ActeurCategorie } from "@/lib/acteur/values";
import { LIEU_PRISES_EN_CHARGE_SPECIFIQUES, LIEU_PUBLICS_SPECIFIQUEMENT_ADRESSES, LIEU_SERVICES } from "@/lib/lieu/labels";
import { z } from "./zod";

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query parameter, trimmed; undefined when absent or blank. */
export function firstParam(params: SearchParams, name: string): string | undefined {
  const value = params[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/** Every value of a repeated query parameter (checkboxes), trimmed, blanks dropped. */
export function allParams(params: SearchParams, name: string): string[] {
  const value = params[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => v.trim()).filter(Boolean);
}

/** Publics and specific support share the map's "Public" filter: their labels never collide. */
export const CARTE_PUBLICS: readonly string[] = [...LIEU_PUBLICS_SPECIFIQUEMENT_ADRESSES, ...LIEU_PRISES_EN_CHARGE_SPECIFIQUES];

const service = z.enum(LIEU_SERVICES, { error: (issue) => `« ${String(issue.input)} » ne fait pas partie de la liste nationale des services.` });
const publicLabel = z.string().refine((v) => CARTE_PUBLICS.includes(v), { error: (issue) => `« ${String(issue.input)} » n'est pas un public de la liste nationale.` });
const categorie = z.enum(ACTEUR_CATEGORIES, { error: (issue) => `« ${String(issue.input)} » n'est pas une catégorie d'acteur.` });
const commune = z.string().max(120, "Le nom de commune compte 120 caractères au maximum.");

export type CarteFilterValues = {
  service?: (typeof LIEU_SERVICES)[number];
  public?: string;
  theme?: string;
  commune?: string;
  categorie?: ActeurCategorie;
};

export type ParsedCarteFilters = { filters: CarteFilterValues; errors: Record<string, string[]> };

/**
 * Reads the map's filters from the URL. A wrong value (a hand-edited or outdated link) is dropped
 * with a French message, and the other filters still apply.
 */
export function parseCarteFilters(params: SearchParams, themeSlugs: string[]): ParsedCarteFilters {
  const filters: CarteFilterValues = {};
  const errors: Record<string, string[]> = {};
  const read = <T>(name: keyof CarteFilterValues, schema: z.ZodType<T>, assign: (value: T) => void) => {
    const raw = firstParam(params, name);
    if (raw === undefined) return;
    const parsed = schema.safeParse(raw);
    if (parsed.success) assign(parsed.data);
    else errors[name] = parsed.error.issues.map((i) => i.message);
  };
  read("service", service, (v) => (filters.service = v));
  read("public", publicLabel, (v) => (filters.public = v));
  read("categorie", categorie, (v) => (filters.categorie = v));
  read("commune", commune, (v) => (filters.commune = v));
  read(
    "theme",
    z.string().refine((v) => themeSlugs.includes(v), { error: (issue) => `Le thème « ${String(issue.input)} » n'existe pas (ou plus).` }),
    (v) => (filters.theme = v),
  );
  return { filters, errors };
}

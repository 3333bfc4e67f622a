import type { Db } from "@/db/client";
import { getActeurBySlug, listActeurs, type ActeurDetails, type ActeurListItem } from "@/db/queries/acteur";
import type { Lieu } from "@/db/schema";
import { ACTEUR_CATEGORIES, type ActeurCategorie } from "@/lib/acteur/values";
import { ACTEUR_TYPOLOGIES } from "@/lib/acteur/labels";
import type { Viewer } from "@/lib/policies/viewer";
import { refSchema } from "@/lib/schemas/api-fiche";
import { acteurSchema } from "@/lib/schemas/acteur";
import { z } from "@/lib/schemas/zod";
import { createActeur, updateActeur } from "@/server/acteur";
import { publicUrl } from "@/server/config";
import { ApiError, type ApiErrorDetail } from "./errors";
import { notFound } from "./http";
import { lieuResource } from "./lieu";
import { resolveTermRefs } from "./refs";
import { parseApiInput } from "./validation";

// Acteurs through the API are validated by the very schema of the acteur form (lib/schemas/acteur),
// so that both accept the same values; its French messages are replaced by these, field by field.
const FIELD_MESSAGES: Record<string, string> = {
  nom: "nom is required: a string of at most 160 characters.",
  categorie: `categorie is one of ${ACTEUR_CATEGORIES.join(", ")}.`,
  typologie: `typologie is one of ${ACTEUR_TYPOLOGIES.join(", ")}.`,
  description: "description is a string of at most 5000 characters.",
  siteWeb: "siteWeb must be a web address, e.g. https://www.example.org (at most 500 characters).",
  courriel: "courriel must be an email address, e.g. contact@example.org.",
  telephone: "telephone must be a French phone number, e.g. 05 56 12 34 56 or +33 5 56 12 34 56.",
  siret: "siret must be a SIRET number: 14 digits (spaces allowed) whose check key is right, e.g. 732 829 320 00074.",
  rna: "rna must be an RNA number: W and 9 digits, e.g. W332012345.",
  themes: "themes holds at most 20 theme slugs or ids (see /api/v1/taxonomies/theme).",
};
const FIELDS = Object.keys(FIELD_MESSAGES);
const OPTIONAL_TEXTS = ["description", "siteWeb", "courriel", "telephone", "siret", "rna"];

const themesSchema = z.array(refSchema, { error: FIELD_MESSAGES.themes }).max(20, FIELD_MESSAGES.themes);

const iso = (date: Date) => date.toISOString();

/** An acteur as GET /api/v1/acteurs/{slug} returns it, with its lieux (its members are not published by the API). */
export function acteurResource(acteur: ActeurDetails) {
  return {
    id: acteur.id,
    slug: acteur.slug,
    nom: acteur.nom,
    categorie: acteur.categorie,
    typologie: acteur.typologie,
    description: acteur.description,
    siteWeb: acteur.siteWeb,
    courriel: acteur.courriel,
    telephone: acteur.telephone,
    siret: acteur.siret,
    rna: acteur.rna,
    themes: acteur.themes.map((t) => ({ id: t.id, slug: t.slug, label: t.label })),
    lieux: acteur.lieux.map((l: Lieu) => lieuResource(l, acteur)),
    createdAt: iso(acteur.createdAt),
    updatedAt: iso(acteur.updatedAt),
    url: `${publicUrl()}/acteurs/${acteur.slug}`,
  };
}

/** An acteur as the list GET /api/v1/acteurs returns it. */
export function acteurListItemResource(acteur: ActeurListItem) {
  return { ...acteur, url: `${publicUrl()}/acteurs/${acteur.slug}` };
}

/** The acteur with this slug, or 404. */
export function findActeur(db: Db, slug: string): ActeurDetails {
  const acteur = getActeurBySlug(db, slug);
  if (!acteur) throw notFound(`Acteur "${slug}"`);
  return acteur;
}

export type ActeurListQuery = { categorie?: ActeurCategorie; theme?: string; commune?: string; q?: string; page: number; per_page: number };

/** One page of the directory for the API, in alphabetical order. */
export function listActeursForApi(db: Db, query: ActeurListQuery) {
  const { page, per_page: perPage, ...filters } = query;
  const result = listActeurs(db, { ...filters, page }, perPage);
  const items = result.page === page ? result.items.map(acteurListItemResource) : [];
  return { items, page, perPage, total: result.total };
}

/**
 * The acteur form's input from a JSON body laid over `base` (the current acteur, for a PATCH):
 * null clears an optional field, themes are named by slug or id. Unknown fields are refused.
 */
function acteurInput(db: Db, body: Record<string, unknown>, base: Record<string, unknown>) {
  const details: ApiErrorDetail[] = Object.keys(body)
    .filter((key) => !FIELDS.includes(key))
    .map((field) => ({ field, message: "Unknown field." }));
  const merged: Record<string, unknown> = { ...base, ...body };
  for (const key of OPTIONAL_TEXTS) if (merged[key] === null) merged[key] = "";
  if (body.themes !== undefined) {
    const themes = themesSchema.safeParse(body.themes);
    if (!themes.success) details.push({ field: "themes", message: FIELD_MESSAGES.themes });
    merged.themes = themes.success ? resolveTermRefs(db, "theme", themes.data, "themes", details) : [];
  }
  // Every problem of the request is reported at once: unknown fields and themes, then the form's rules.
  try {
    const input = parseApiInput(acteurSchema, merged, { fieldMessages: FIELD_MESSAGES });
    if (details.length === 0) return input;
  } catch (error) {
    if (!(error instanceof ApiError) || !error.details) throw error;
    details.push(...error.details);
  }
  throw new ApiError(422, "validation_failed", "Some fields are invalid: see details.", details);
}

/** Creates an acteur whose first member is the token's owner, as the form does. */
export function createActeurThroughApi(db: Db, viewer: Viewer, body: Record<string, unknown>): ActeurDetails {
  const created = createActeur(db, viewer, acteurInput(db, body, { themes: [] }));
  return getActeurBySlug(db, created.slug)!;
}

/** Changes the given fields of an acteur; the others keep their value. Members of the acteur and moderators only. */
export function patchActeurThroughApi(db: Db, viewer: Viewer, acteur: ActeurDetails, body: Record<string, unknown>): ActeurDetails {
  if (Object.keys(body).length === 0) throw new ApiError(422, "validation_failed", "Give at least one field to change.");
  const base = {
    nom: acteur.nom,
    categorie: acteur.categorie,
    typologie: acteur.typologie,
    description: acteur.description,
    siteWeb: acteur.siteWeb ?? "",
    courriel: acteur.courriel ?? "",
    telephone: acteur.telephone ?? "",
    siret: acteur.siret ?? "",
    rna: acteur.rna ?? "",
    themes: acteur.themes.map((t) => t.id),
  };
  updateActeur(db, viewer, acteur.id, acteurInput(db, body, base));
  return getActeurBySlug(db, acteur.slug)!;
}

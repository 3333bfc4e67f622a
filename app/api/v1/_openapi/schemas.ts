import { ACTEUR_CATEGORIES } from "@/lib/acteur/values";
import { FICHE_ACTEUR_ROLES, FICHE_STATUTS, FICHE_TYPES } from "@/lib/fiche/values";
import { TAXONOMIES } from "@/lib/taxonomy/values";
import { ACTEUR_TYPOLOGIES } from "@/lib/acteur/labels";
import { ETATS_ACTION } from "@/lib/fiche/document";
import { LIEU_LIST_FIELDS } from "@/lib/lieu/labels";
import { FICHE_TEXT_MAX } from "@/lib/schemas/api-fiche";
import { FICHE_TITRE_MAX } from "@/lib/schemas/fiche";

// JSON Schemas (2020-12, as OpenAPI 3.1 takes them) of what the API reads and writes. Enumerations
// come from the same constants as the database and the zod schemas, so they cannot drift.

const string = { type: "string" } as const;
const nullableString = { type: ["string", "null"] } as const;
const dateTime = { type: "string", format: "date-time" } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const list = (items: object) => ({ type: "array", items });
const nameRef = {
  oneOf: [
    { type: "string", pattern: "^[a-z0-9-]{1,100}$", description: "slug" },
    { type: "integer", minimum: 1, description: "id" },
  ],
} as const;

const term = {
  type: "object",
  required: ["id", "slug", "label"],
  properties: { id: { type: "integer" }, slug: string, label: string },
};

const lieuLists = Object.fromEntries(
  Object.entries(LIEU_LIST_FIELDS).map(([field, { options }]) => [field, list({ type: "string", enum: [...options] })]),
);

const ficheContentInput = {
  commune: { type: "string", maxLength: FICHE_TEXT_MAX.commune, description: "pratique and idee only." },
  quartier: { type: "string", maxLength: FICHE_TEXT_MAX.quartier, description: "pratique and idee only." },
  lienWeb: { type: "string", maxLength: FICHE_TEXT_MAX.lienWeb, description: 'A web address; "" clears it.' },
  source: { type: "string", maxLength: FICHE_TEXT_MAX.source, description: "fiche_pratique only." },
  etat: { enum: [...ETATS_ACTION, null], description: "pratique only." },
  objectif: { oneOf: [...nameRef.oneOf, { type: "null" }], description: "A term of the objectif taxonomy; fiche_pratique only." },
  themes: { ...list(nameRef), maxItems: 50, description: "Terms of the theme taxonomy; replaces the current ones." },
  publics: { ...list(nameRef), maxItems: 50, description: "Terms of the public taxonomy." },
  enjeux: { ...list(nameRef), maxItems: 50, description: "Terms of the enjeu taxonomy." },
  acteurs: {
    type: "array",
    maxItems: 50,
    description: "Replaces the acteurs. Roles: porteur, partenaire, financeur; pressenti on an idee only. Lieux of acteurs removed here are dropped.",
    items: {
      type: "object",
      additionalProperties: false,
      required: ["acteur", "role"],
      properties: { acteur: nameRef, role: { enum: [...FICHE_ACTEUR_ROLES] } },
    },
  },
  lieux: { ...list({ type: "integer", minimum: 1 }), maxItems: 50, description: "Lieu ids of the fiche's acteurs; pratique only." },
};

/** components.schemas of the OpenAPI document. */
export const schemas = {
  Error: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        properties: {
          code: { type: "string", examples: ["validation_failed"] },
          message: { type: "string", description: "In English." },
          details: list({ type: "object", required: ["field", "message"], properties: { field: string, message: string } }),
        },
      },
    },
  },
  PageMeta: {
    type: "object",
    required: ["page", "per_page", "total", "page_count"],
    properties: { page: { type: "integer" }, per_page: { type: "integer" }, total: { type: "integer" }, page_count: { type: "integer" } },
  },
  Term: term,
  TermDetail: {
    type: "object",
    required: ["id", "slug", "label", "description", "position"],
    properties: { ...term.properties, description: string, position: { type: "integer" } },
  },
  Taxonomy: {
    type: "object",
    required: ["name", "description", "terms"],
    properties: { name: { enum: [...TAXONOMIES] }, description: string, terms: list(ref("TermDetail")) },
  },
  FicheSummary: {
    type: "object",
    properties: {
      id: { type: "integer" },
      slug: string,
      type: { enum: [...FICHE_TYPES] },
      statut: { enum: [...FICHE_STATUTS] },
      aVerifier: { type: "boolean" },
      titre: string,
      commune: string,
      etat: { enum: [...ETATS_ACTION, null] },
      ebauche: { type: "boolean", description: "A stub to complete." },
      extrait: { type: "string", description: "The opening words of the body." },
      themes: list({
        type: "object",
        properties: { slug: string, label: string, suggested: { type: "boolean", description: "Suggested from the text, not confirmed yet." } },
      }),
      createdAt: dateTime,
      url: { type: "string", format: "uri", description: "The fiche's page on the wiki." },
    },
  },
  Fiche: {
    type: "object",
    properties: {
      id: { type: "integer" },
      slug: string,
      type: { enum: [...FICHE_TYPES] },
      statut: { enum: [...FICHE_STATUTS] },
      verrouillee: { type: "boolean", description: "Locked: only the porteurs' members and moderators edit it." },
      aVerifier: { type: "boolean" },
      titre: string,
      commune: string,
      quartier: string,
      lienWeb: string,
      source: string,
      etat: { enum: [...ETATS_ACTION, null] },
      ebauche: { type: "boolean", description: "A stub to complete: shown as « ébauche »." },
      objectif: { oneOf: [ref("Term"), { type: "null" }] },
      themes: list(ref("Term")),
      themesSuggeres: { ...list(ref("Term")), description: "Themes suggested from the text (at import) that nobody has confirmed yet. Move one to themes to confirm it." },
      publics: list(ref("Term")),
      enjeux: list(ref("Term")),
      acteurs: list({ type: "object", properties: { id: { type: "integer" }, slug: string, nom: string, role: { enum: [...FICHE_ACTEUR_ROLES] } } }),
      lieux: list({
        type: "object",
        properties: { id: { type: "integer" }, nom: string, adresse: string, codePostal: string, commune: string, acteur: { type: "object", properties: { slug: string, nom: string } } },
      }),
      extrait: string,
      html: { type: "string", description: "The body, sanitised HTML." },
      text: { type: "string", description: "The body as plain text." },
      createdAt: dateTime,
      updatedAt: dateTime,
      contentUpdatedAt: { type: ["string", "null"], format: "date-time" },
      url: { type: "string", format: "uri" },
    },
  },
  FicheCreate: {
    type: "object",
    additionalProperties: false,
    required: ["type", "titre"],
    properties: { type: { enum: [...FICHE_TYPES] }, titre: { type: "string", minLength: 1, maxLength: FICHE_TITRE_MAX }, ...ficheContentInput },
  },
  FichePatch: {
    type: "object",
    additionalProperties: false,
    minProperties: 1,
    properties: {
      titre: { type: "string", minLength: 1, maxLength: FICHE_TITRE_MAX },
      ...ficheContentInput,
      statut: { enum: [...FICHE_STATUTS], description: "brouillon → publiee → archivee; back from archivee by moderators only." },
      verrouillee: { type: "boolean" },
      aVerifier: { type: "boolean" },
    },
  },
  Lieu: {
    type: "object",
    properties: {
      id: { type: "integer" },
      nom: string,
      adresse: string,
      complementAdresse: nullableString,
      codePostal: string,
      commune: string,
      codeInsee: nullableString,
      latitude: { type: ["number", "null"] },
      longitude: { type: ["number", "null"] },
      telephone: nullableString,
      courriels: list(string),
      siteWeb: list(string),
      horaires: { type: ["string", "null"], description: "OpenStreetMap opening_hours syntax." },
      ...lieuLists,
      presentationResume: nullableString,
      presentationDetail: nullableString,
      updatedAt: dateTime,
      acteur: { type: "object", properties: { slug: string, nom: string, url: { type: "string", format: "uri" } } },
    },
  },
  ActeurListItem: {
    type: "object",
    properties: {
      id: { type: "integer" },
      slug: string,
      nom: string,
      categorie: { enum: [...ACTEUR_CATEGORIES] },
      typologie: string,
      description: string,
      themes: list({ type: "object", properties: { slug: string, label: string } }),
      communes: list(string),
      url: { type: "string", format: "uri" },
    },
  },
  Acteur: {
    type: "object",
    properties: {
      id: { type: "integer" },
      slug: string,
      nom: string,
      categorie: { enum: [...ACTEUR_CATEGORIES] },
      typologie: string,
      description: string,
      siteWeb: nullableString,
      courriel: nullableString,
      telephone: nullableString,
      siret: nullableString,
      rna: nullableString,
      themes: list(ref("Term")),
      lieux: list(ref("Lieu")),
      createdAt: dateTime,
      updatedAt: dateTime,
      url: { type: "string", format: "uri" },
    },
  },
  ActeurInput: {
    type: "object",
    additionalProperties: false,
    description: "POST needs nom, categorie and typologie; PATCH takes any of these fields. null clears an optional one.",
    properties: {
      nom: { type: "string", minLength: 1, maxLength: 160 },
      categorie: { enum: [...ACTEUR_CATEGORIES] },
      typologie: { enum: [...ACTEUR_TYPOLOGIES] },
      description: { type: ["string", "null"], maxLength: 5000 },
      siteWeb: { type: ["string", "null"], examples: ["https://www.example.org"] },
      courriel: { type: ["string", "null"], format: "email" },
      telephone: { type: ["string", "null"], examples: ["05 56 12 34 56"] },
      siret: { type: ["string", "null"], description: "14 digits with a valid check key." },
      rna: { type: ["string", "null"], pattern: "^W(\\d{9}|2[AB]\\d{7})$" },
      themes: { ...list(nameRef), maxItems: 20 },
    },
  },
  SearchPage: {
    type: "object",
    required: ["data", "meta", "facets"],
    properties: {
      data: list({
        type: "object",
        properties: {
          kind: { enum: ["fiche", "acteur"] },
          id: { type: "integer" },
          slug: string,
          title: string,
          titleHtml: { type: "string", description: "The title, matches in <mark>." },
          excerptHtml: { type: "string", description: "A passage around the matches, in <mark>." },
          typeLabel: string,
          url: { type: "string", format: "uri" },
        },
      }),
      meta: {
        allOf: [ref("PageMeta")],
        properties: { correction: { type: ["string", "null"], description: "The query searched instead, when nothing matched as typed." }, bounded: { type: "boolean" } },
      },
      facets: list({
        type: "object",
        properties: {
          facet: string,
          label: string,
          options: list({ type: "object", properties: { value: string, label: string, count: { type: "integer" }, selected: { type: "boolean" } } }),
        },
      }),
    },
  },
} as const;

import { ACTEUR_CATEGORIES } from "@/lib/acteur/values";
import { FICHE_STATUTS, FICHE_TYPES } from "@/lib/fiche/values";
import { TAXONOMIES } from "@/lib/taxonomy/values";
import { ETATS_ACTION } from "@/lib/fiche/document";
import { LIEU_SERVICES } from "@/lib/lieu/labels";
import { PER_PAGE_DEFAULT, PER_PAGE_MAX, SEARCH_PER_PAGE_MAX } from "@/lib/schemas/api-query";
import { SEARCH_FACETS, SEARCH_PAGE_MAX, SEARCH_QUERY_MAX } from "@/lib/search/params";
import { API_RATE_LIMITS } from "@/server/api/rate-limit";
import { schemas } from "./schemas";
import { commentPaths, commentSchemas } from "./comments";
import { reprisePaths, repriseSchemas } from "./reprises";

// The one description of the REST API: served at /api/v1/openapi.json and read by the /api page.
// openapi.test.ts checks that every route handler under app/api/v1 has its path here.

type Parameter = { name: string; in: "query" | "path" | "header"; required?: boolean; description: string; schema: object };
type Operation = {
  operationId: string;
  summary: string;
  /** The summary in French, for the /api page. */
  "x-summary-fr": string;
  description?: string;
  tags: string[];
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: object;
  responses: Record<string, object>;
  security?: Record<string, string[]>[];
};

const json = (schema: object) => ({ "application/json": { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [String(s), { $ref: `#/components/responses/E${s}` }]));
const query = (name: string, description: string, schema: object = { type: "string" }): Parameter => ({ name, in: "query", description, schema });
const path = (name: string, description: string): Parameter => ({ name, in: "path", required: true, description, schema: { type: "string" } });
const readHeaders = { ETag: { $ref: "#/components/headers/ETag" }, ...rateHeaders() };
const listHeaders = { ...readHeaders, Link: { $ref: "#/components/headers/Link" } };
const ok = (description: string, schema: object, headers: object = readHeaders) => ({ description, headers, content: json(schema) });
const page = (item: string) => ({ type: "object", required: ["data", "meta"], properties: { data: { type: "array", items: ref(item) }, meta: ref("PageMeta") } });
const pagination = [{ $ref: "#/components/parameters/page" }, { $ref: "#/components/parameters/per_page" }];
const optionalToken: Record<string, string[]>[] = [{}, { token: [] }];
const token: Record<string, string[]>[] = [{ token: [] }];
const notModified = { "304": { description: "Not modified: If-None-Match named the current ETag." } };

function rateHeaders() {
  return Object.fromEntries(["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"].map((h) => [h, { $ref: `#/components/headers/${h}` }]));
}

const enumOf = (values: readonly string[]) => ({ type: "string", enum: [...values] });

const paths: Record<string, Partial<Record<"get" | "post" | "patch", Operation>>> = {
  "/api/v1/fiches": {
    get: {
      operationId: "listFiches",
      summary: "List fiches",
      "x-summary-fr": "Lister les fiches (filtres : type, thème, public, acteur, commune, état)",
      description: "Published fiches, newest first. With statut=brouillon, the drafts of the token's owner (theirs and their acteurs').",
      tags: ["fiches"],
      security: optionalToken,
      parameters: [
        query("type", "Type of fiche.", enumOf(FICHE_TYPES)),
        query("theme", "Slug of a theme."),
        query("public", "Slug of a public."),
        query("acteur", "Slug of an acteur of the fiche."),
        query("commune", "Commune (case-insensitive)."),
        query("etat", "State of the action.", enumOf(ETATS_ACTION)),
        query("statut", "Defaults to publiee.", enumOf(FICHE_STATUTS)),
        ...pagination,
      ],
      responses: { "200": ok("A page of fiches.", page("FicheSummary"), listHeaders), ...notModified, ...errors(400, 401, 429) },
    },
    post: {
      operationId: "createFiche",
      summary: "Create a draft fiche",
      "x-summary-fr": "Créer une fiche (brouillon)",
      tags: ["fiches"],
      security: token,
      requestBody: { required: true, content: json(ref("FicheCreate")) },
      responses: {
        "201": { description: "Created.", headers: { Location: { schema: { type: "string", format: "uri" } }, ...readHeaders }, content: json(ref("Fiche")) },
        ...errors(400, 401, 403, 413, 415, 422, 429),
      },
    },
  },
  "/api/v1/fiches/{slug}": {
    get: {
      operationId: "getFiche",
      summary: "Read a fiche",
      "x-summary-fr": "Lire une fiche : champs, acteurs et rôles, termes, HTML et texte",
      description: "A draft is found only by its author, its porteurs' members and moderators; a fiche hidden by a moderator only by moderators.",
      tags: ["fiches"],
      security: optionalToken,
      parameters: [path("slug", "The fiche's slug.")],
      responses: { "200": ok("The fiche.", ref("Fiche")), ...notModified, ...errors(401, 404, 429) },
    },
    patch: {
      operationId: "updateFiche",
      summary: "Change a fiche",
      "x-summary-fr": "Modifier une fiche (vue en direct par les personnes qui l'éditent)",
      description:
        "Content fields are written into the fiche's live document, so that people editing it see the change at once. Same rights as the editor: a locked fiche only by its porteurs' members and moderators, an archived one by moderators; statut, verrouillee and aVerifier by the porteurs' members, a draft's author and moderators. Send If-Match with the ETag you read to refuse a lost update (412).",
      tags: ["fiches"],
      security: token,
      parameters: [path("slug", "The fiche's slug."), { name: "If-Match", in: "header", description: "ETag of the version you changed.", schema: { type: "string" } }],
      requestBody: { required: true, content: json(ref("FichePatch")) },
      responses: { "200": ok("The fiche, changed.", ref("Fiche")), ...errors(400, 401, 403, 404, 409, 412, 413, 415, 422, 429) },
    },
  },
  "/api/v1/acteurs": {
    get: {
      operationId: "listActeurs",
      summary: "List acteurs",
      "x-summary-fr": "Lister les acteurs (filtres : catégorie, thème, commune, texte)",
      tags: ["acteurs"],
      security: optionalToken,
      parameters: [
        query("categorie", "Category.", enumOf(ACTEUR_CATEGORIES)),
        query("theme", "Slug of a theme."),
        query("commune", "Commune of one of its lieux (accents and case ignored)."),
        query("q", "Words found in the name, the description or a commune."),
        ...pagination,
      ],
      responses: { "200": ok("A page of acteurs, in alphabetical order.", page("ActeurListItem"), listHeaders), ...notModified, ...errors(400, 401, 429) },
    },
    post: {
      operationId: "createActeur",
      summary: "Create an acteur",
      "x-summary-fr": "Présenter une organisation (vous en devenez membre)",
      tags: ["acteurs"],
      security: token,
      requestBody: { required: true, content: json(ref("ActeurInput")) },
      responses: {
        "201": { description: "Created.", headers: { Location: { schema: { type: "string", format: "uri" } }, ...readHeaders }, content: json(ref("Acteur")) },
        ...errors(400, 401, 403, 413, 415, 422, 429),
      },
    },
  },
  "/api/v1/acteurs/{slug}": {
    get: {
      operationId: "getActeur",
      summary: "Read an acteur",
      "x-summary-fr": "Lire un acteur et ses lieux",
      tags: ["acteurs"],
      security: optionalToken,
      parameters: [path("slug", "The acteur's slug.")],
      responses: { "200": ok("The acteur.", ref("Acteur")), ...notModified, ...errors(401, 404, 429) },
    },
    patch: {
      operationId: "updateActeur",
      summary: "Change an acteur",
      "x-summary-fr": "Modifier un acteur (ses membres et les modérateurs)",
      tags: ["acteurs"],
      security: token,
      parameters: [path("slug", "The acteur's slug.")],
      requestBody: { required: true, content: json(ref("ActeurInput")) },
      responses: { "200": ok("The acteur, changed.", ref("Acteur")), ...errors(400, 401, 403, 404, 412, 413, 415, 422, 429) },
    },
  },
  "/api/v1/lieux": {
    get: {
      operationId: "listLieux",
      summary: "List lieux",
      "x-summary-fr": "Lister les lieux d'accueil (filtres : commune, service, acteur)",
      tags: ["lieux"],
      security: optionalToken,
      parameters: [
        query("commune", "Commune (accents and case ignored)."),
        query("service", "A service of the national schema of lieux de médiation numérique.", enumOf(LIEU_SERVICES)),
        query("acteur", "Slug of the acteur."),
        ...pagination,
      ],
      responses: { "200": ok("A page of lieux, by commune then name.", page("Lieu"), listHeaders), ...notModified, ...errors(400, 401, 429) },
    },
  },
  "/api/v1/taxonomies": {
    get: {
      operationId: "listTaxonomies",
      summary: "List taxonomies with their terms",
      "x-summary-fr": "Lister les listes partagées (thèmes, publics, enjeux, objectifs) et leurs termes",
      tags: ["taxonomies"],
      security: optionalToken,
      responses: {
        "200": ok("Every taxonomy.", { type: "object", properties: { data: { type: "array", items: ref("Taxonomy") } } }),
        ...notModified,
        ...errors(401, 429),
      },
    },
  },
  "/api/v1/taxonomies/{taxonomy}": {
    get: {
      operationId: "getTaxonomy",
      summary: "Read one taxonomy",
      "x-summary-fr": "Lire une liste partagée et ses termes",
      tags: ["taxonomies"],
      security: optionalToken,
      parameters: [{ ...path("taxonomy", "One of the taxonomies."), schema: enumOf(TAXONOMIES) }],
      responses: { "200": ok("The taxonomy.", ref("Taxonomy")), ...notModified, ...errors(401, 404, 429) },
    },
  },
  "/api/v1/search": {
    get: {
      operationId: "search",
      summary: "Search fiches and acteurs",
      "x-summary-fr": "Rechercher dans les fiches et les acteurs (texte intégral, facettes)",
      description:
        "Ranked full-text search of published fiches and acteurs, French-aware (accents, plurals, typos). Facets take comma-separated values; meta.correction is set when close words were searched instead. Only the first 50 pages are served.",
      tags: ["search"],
      security: optionalToken,
      parameters: [
        { ...query("q", "The words to search for.", { type: "string", minLength: 1, maxLength: SEARCH_QUERY_MAX }), required: true },
        ...SEARCH_FACETS.map((facet) => query(facet, `Comma-separated ${facet} values (see the facets of a previous answer).`)),
        { name: "page", in: "query", description: "Page number, from 1.", schema: { type: "integer", minimum: 1, maximum: SEARCH_PAGE_MAX, default: 1 } },
        { name: "per_page", in: "query", description: "Results per page.", schema: { type: "integer", minimum: 1, maximum: SEARCH_PER_PAGE_MAX, default: PER_PAGE_DEFAULT } },
      ],
      responses: { "200": ok("A page of results, best first, with the facets.", ref("SearchPage"), listHeaders), ...notModified, ...errors(400, 401, 429) },
    },
  },
  "/api/v1/openapi.json": {
    get: {
      operationId: "getOpenApi",
      summary: "This document",
      "x-summary-fr": "Cette description, au format OpenAPI 3.1",
      tags: ["meta"],
      security: optionalToken,
      responses: { "200": ok("OpenAPI 3.1 document.", { type: "object" }), ...notModified, ...errors(429) },
    },
  },
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Malformed request: a query parameter, the JSON syntax, or a body that is not an object.",
  401: "No valid token: missing (writes), unknown, revoked, or its account disabled.",
  403: "The token's owner may not do this (same rules as the wiki's pages).",
  404: "Not found, or not visible to you (drafts, hidden fiches).",
  409: "The resource's state forbids it (e.g. a statut change that is not allowed).",
  412: "If-Match does not name the current version: read it again.",
  413: "Body larger than 256 KiB.",
  415: "The body must be JSON (Content-Type: application/json).",
  422: "Some fields are invalid: see error.details.",
  429: "Too many requests: see Retry-After.",
};

/** The OpenAPI 3.1 document of the API, with the wiki's public address as server. */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Wiki de la Solidarité numérique — API",
      version: "1.0.0",
      description: `Open read access to fiches, acteurs, lieux and taxonomies; writes with a personal API token (created on /compte), with exactly the rights of its owner on the wiki. Errors are { "error": { "code", "message", "details"? } } in English. Lists take page and per_page (default ${PER_PAGE_DEFAULT}, at most ${PER_PAGE_MAX}) and answer { data, meta } with a Link header. GET answers carry a weak ETag (If-None-Match → 304). Reads are open to any origin (CORS); writes are not. Rate limits: ${API_RATE_LIMITS.anonymous} requests per ${API_RATE_LIMITS.windowSeconds} s per address without a token, ${API_RATE_LIMITS.token} per token.`,
      license: { name: "AGPL-3.0-or-later (software)", identifier: "AGPL-3.0-or-later" },
    },
    servers: [{ url: serverUrl }],
    tags: [{ name: "fiches" }, { name: "acteurs" }, { name: "lieux" }, { name: "taxonomies" }, { name: "search" }, { name: "meta" }],
    paths: { ...paths, ...commentPaths, ...reprisePaths },
    components: {
      schemas: { ...schemas, ...commentSchemas, ...repriseSchemas },
      securitySchemes: { token: { type: "http", scheme: "bearer", description: "A personal API token, wsn_…, created on your account page." } },
      parameters: {
        page: { name: "page", in: "query", description: "Page number, from 1.", schema: { type: "integer", minimum: 1, default: 1 } },
        per_page: { name: "per_page", in: "query", description: "Items per page.", schema: { type: "integer", minimum: 1, maximum: PER_PAGE_MAX, default: PER_PAGE_DEFAULT } },
      },
      headers: {
        ETag: { description: "Weak validator of the representation.", schema: { type: "string" } },
        Link: { description: "RFC 8288 links: first, prev, next, last.", schema: { type: "string" } },
        "RateLimit-Limit": { description: "Requests allowed in the window.", schema: { type: "integer" } },
        "RateLimit-Remaining": { description: "Requests left in the window.", schema: { type: "integer" } },
        "RateLimit-Reset": { description: "Seconds until the window resets.", schema: { type: "integer" } },
      },
      responses: Object.fromEntries(
        Object.entries(ERROR_DESCRIPTIONS).map(([status, description]) => [`E${status}`, { description, content: json(ref("Error")) }]),
      ),
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
export type { Operation };

import { REPRISE_CHANGEMENTS_MAX, REPRISE_COMMUNE_MAX } from "@/lib/reprise/values";
import type { Operation } from "./document";

// « Nous l'avons reprise » in the API, kept apart from document.ts and schemas.ts, which spread these in.

const json = (schema: object) => ({ "application/json": { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [String(s), { $ref: `#/components/responses/E${s}` }]));
const slug = (what: string) => ({ name: "slug", in: "path" as const, required: true, description: `The ${what}'s slug.`, schema: { type: "string" } });
const headers = Object.fromEntries(["ETag", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"].map((h) => [h, { $ref: `#/components/headers/${h}` }]));
const link = { type: "object", properties: { slug: { type: "string" }, url: { type: "string", format: "uri" } } };
const depuis = { type: "string", pattern: "^(19|20)\\d\\d(-(0[1-9]|1[0-2]))?$", description: '"YYYY-MM" or "YYYY", not in the future.', examples: ["2024-09"] };
const taken = {
  commune: { type: "string" },
  depuis,
  changements: { type: "string", description: "What the acteur changed compared with the fiche." },
  updatedAt: { type: "string", format: "date-time" },
};

export const repriseSchemas = {
  RepriseOfFiche: {
    type: "object",
    properties: { id: { type: "integer" }, acteur: { ...link, properties: { ...link.properties, nom: { type: "string" } } }, ...taken },
  },
  RepriseOfActeur: {
    type: "object",
    properties: { id: { type: "integer" }, fiche: { ...link, properties: { ...link.properties, titre: { type: "string" } } }, ...taken },
  },
  RepriseInput: {
    type: "object",
    additionalProperties: false,
    required: ["acteur", "commune", "depuis"],
    properties: {
      acteur: { oneOf: [{ type: "string", description: "slug" }, { type: "integer", minimum: 1, description: "id" }], description: "An acteur the token's owner is a member of (any, for a moderator)." },
      commune: { type: "string", minLength: 1, maxLength: REPRISE_COMMUNE_MAX },
      depuis,
      changements: { type: "string", maxLength: REPRISE_CHANGEMENTS_MAX },
    },
  },
};

export const reprisePaths: Record<string, Partial<Record<"get" | "post" | "patch", Operation>>> = {
  "/api/v1/fiches/{slug}/reprises": {
    get: {
      operationId: "listFicheReprises",
      summary: "List the take-ups of a fiche",
      "x-summary-fr": "Lister les reprises d'une fiche (« Ils l'ont reprise ») et le nombre de communes",
      tags: ["fiches"],
      security: [{}, { token: [] }],
      parameters: [slug("fiche")],
      responses: {
        "200": {
          description: "Every take-up (one per acteur), and meta.communes: in how many communes, spellings merged.",
          headers,
          content: json({ type: "object", properties: { data: { type: "array", items: ref("RepriseOfFiche") }, meta: { type: "object", properties: { total: { type: "integer" }, communes: { type: "integer" } } } } }),
        },
        ...errors(401, 404, 429),
      },
    },
    post: {
      operationId: "declareReprise",
      summary: "Declare that your acteur took up this fiche",
      "x-summary-fr": "Déclarer « Nous l'avons reprise » pour un de vos acteurs (ou mettre à jour sa déclaration)",
      description: "Published pratiques and fiches pratiques only (409 otherwise). One per fiche and acteur: sending it again updates it (200).",
      tags: ["fiches"],
      security: [{ token: [] }],
      parameters: [slug("fiche")],
      requestBody: { required: true, content: json(ref("RepriseInput")) },
      responses: {
        "201": { description: "Declared.", headers: { Location: { schema: { type: "string", format: "uri" } }, ...headers }, content: json(ref("RepriseOfFiche")) },
        "200": { description: "Updated.", headers, content: json(ref("RepriseOfFiche")) },
        ...errors(400, 401, 403, 404, 409, 413, 415, 422, 429),
      },
    },
  },
  "/api/v1/acteurs/{slug}/reprises": {
    get: {
      operationId: "listActeurReprises",
      summary: "List the practices an acteur took up",
      "x-summary-fr": "Lister les pratiques qu'un acteur a reprises",
      tags: ["acteurs"],
      security: [{}, { token: [] }],
      parameters: [slug("acteur")],
      responses: {
        "200": { description: "Its take-ups of published fiches.", headers, content: json({ type: "object", properties: { data: { type: "array", items: ref("RepriseOfActeur") }, meta: { type: "object", properties: { total: { type: "integer" } } } } }) },
        ...errors(401, 404, 429),
      },
    },
  },
};

import { COMMENT_BODY_MAX } from "@/lib/comment/schema";
import type { Operation } from "./document";

// The discussion of fiches in the API: its paths and schemas, spread into document.ts.

const json = (schema: object) => ({ "application/json": { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [String(s), { $ref: `#/components/responses/E${s}` }]));
const headers = Object.fromEntries(["ETag", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"].map((h) => [h, { $ref: `#/components/headers/${h}` }]));
const slug = { name: "slug", in: "path" as const, required: true, description: "Slug of the fiche.", schema: { type: "string" } };

export const commentPaths: Record<string, Partial<Record<"get" | "post", Operation>>> = {
  "/api/v1/fiches/{slug}/commentaires": {
    get: {
      operationId: "listFicheComments",
      summary: "List a fiche's discussion",
      "x-summary-fr": "Lire la discussion d'une fiche : fils publiés et leurs réponses",
      description: "Published threads, oldest first, each with its published replies. Visitors' questions appear once a moderator has published them; their email never does.",
      tags: ["fiches"],
      security: [{}, { token: [] }],
      parameters: [slug],
      responses: { "200": { description: "The discussion.", headers, content: json(ref("CommentList")) }, "304": { description: "Not modified." }, ...errors(404, 429) },
    },
    post: {
      operationId: "postFicheComment",
      summary: "Open a thread or reply to one",
      "x-summary-fr": "Écrire dans la discussion d'une fiche (nouveau fil ou réponse)",
      description: `Plain text of at most ${COMMENT_BODY_MAX} characters, never HTML; mention a person with @[Name](userId). Without threadId, opens a thread on the whole fiche; with it, replies. Rate-limited per account like the page (20 messages in 10 minutes).`,
      tags: ["fiches"],
      security: [{ token: [] }],
      parameters: [slug],
      requestBody: { required: true, content: json(ref("CommentInput")) },
      responses: {
        "201": { description: "Created; Location points to the message on the fiche's page.", headers: { Location: { schema: { type: "string", format: "uri" } }, ...headers }, content: json(ref("CommentList")) },
        ...errors(400, 401, 403, 404, 413, 415, 422, 429),
      },
    },
  },
};

const message = {
  type: "object",
  required: ["id", "author", "body", "text", "createdAt", "updatedAt", "url"],
  properties: {
    id: { type: "integer" },
    author: { type: "object", required: ["name", "visitor"], properties: { name: { type: "string" }, visitor: { type: "boolean", description: "A visitor without an account." } } },
    body: { type: "string", description: "As stored: plain text, mentions as @[Name](userId)." },
    text: { type: "string", description: "Plain text, mentions as @Name with the account's current name." },
    createdAt: { type: "string", format: "date-time" },
    updatedAt: { type: "string", format: "date-time" },
    url: { type: "string", format: "uri" },
  },
};

export const commentSchemas = {
  Comment: message,
  CommentThread: {
    allOf: [
      ref("Comment"),
      {
        type: "object",
        required: ["citation", "anchored", "resolved", "replies"],
        properties: {
          citation: { type: ["string", "null"], description: "The passage the thread is about, as it read when the thread began." },
          anchored: { type: "boolean", description: "Anchored to a passage of the body (threads opened from the editor)." },
          resolved: { type: "boolean" },
          replies: { type: "array", items: ref("Comment") },
        },
      },
    ],
  },
  CommentList: {
    type: "object",
    required: ["data", "meta"],
    properties: {
      data: { type: "array", items: ref("CommentThread") },
      meta: { type: "object", required: ["total", "messages"], properties: { total: { type: "integer", description: "Threads." }, messages: { type: "integer" } } },
    },
  },
  CommentInput: {
    type: "object",
    required: ["body"],
    additionalProperties: false,
    properties: {
      body: { type: "string", minLength: 1, maxLength: COMMENT_BODY_MAX },
      threadId: { type: "integer", description: "The id of a thread (its first message) to reply to." },
    },
  },
};

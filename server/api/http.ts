import { createHash } from "node:crypto";
import { getDb, type Db } from "@/db/client";
import type { Viewer } from "@/lib/policies/viewer";
import { CLIENT_IP_HEADER } from "@/server/auth/client-ip";
import { authenticateApiToken, hashApiToken } from "@/server/api-token";
import type { RateDecision } from "@/server/rate-limit";
import { ApiError, toApiError } from "./errors";
import { linkHeader, pageMeta } from "./pagination";
import { apiRateLimiters, rateLimitHeaders } from "./rate-limit";

/** What a handler of the API gets: the request, its parsed URL, the database, the token's viewer (or null) and the route's params. */
export type ApiContext<P> = { request: Request; url: URL; db: Db; viewer: Viewer | null; params: P };

type Handler<P> = (context: ApiContext<P>) => Response | Promise<Response>;
type WriteHandler<P> = (context: ApiContext<P> & { viewer: Viewer }) => Response | Promise<Response>;
/** The signature Next expects of a route handler. */
export type RouteHandler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

const READ_METHODS = "GET, HEAD, OPTIONS";
const EXPOSED_HEADERS = "ETag, Link, Location, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, RateLimit-Policy";
const MAX_BODY_BYTES = 256 * 1024;

/** Reads are open to pages of any origin: the content is public, and the API never reads cookies. */
const CORS_READ_HEADERS = { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": EXPOSED_HEADERS };

type Credentials = { viewer: Viewer | null; bearer: string | null };

const BEARER = /^Bearer[ ]+(\S+)\s*$/i;

/** The token of the Authorization header; "" when the header is there but is not a Bearer token. */
function readBearer(request: Request): string | null {
  const header = request.headers.get("authorization");
  return header === null ? null : (BEARER.exec(header)?.[1] ?? "");
}

// A wrong Authorization header is refused rather than ignored: a client that believes it is
// authenticated must not silently read as anonymous.
function refuseBadCredentials(bearer: string | null, viewer: Viewer | null): void {
  if (bearer === null || viewer) return;
  throw bearer === ""
    ? new ApiError(401, "invalid_authorization", "The Authorization header must be 'Bearer <token>', with a personal API token.", undefined, {
        "WWW-Authenticate": 'Bearer realm="wiki", error="invalid_request"',
      })
    : new ApiError(401, "invalid_token", "This API token is unknown, revoked, or its account is disabled.", undefined, {
        "WWW-Authenticate": 'Bearer realm="wiki", error="invalid_token"',
      });
}

function rateLimit(request: Request, credentials: Credentials): RateDecision {
  const limiters = apiRateLimiters();
  if (credentials.viewer && credentials.bearer) return limiters.token.take(`token:${hashApiToken(credentials.bearer)}`);
  // server/index.ts sets this header from the socket (or X-Forwarded-For behind TRUST_PROXY): a client cannot forge it.
  return limiters.anonymous.take(`ip:${request.headers.get(CLIENT_IP_HEADER) ?? "unknown"}`);
}

function refuseOverLimit(decision: RateDecision, withToken: boolean): void {
  if (decision.allowed) return;
  throw new ApiError(
    429,
    "rate_limited",
    `Too many requests: at most ${decision.limit} per ${decision.windowSeconds} seconds ${withToken ? "per token" : "per client address without a token"}. Retry in ${decision.resetSeconds} s.`,
  );
}

async function handle<P>(kind: "read" | "write", request: Request, context: { params: Promise<P> }, handler: Handler<P>): Promise<Response> {
  let decision: RateDecision | null = null;
  let response: Response;
  try {
    const db = getDb();
    const bearer = readBearer(request);
    const viewer = bearer ? authenticateApiToken(db, bearer) : null;
    // Failed authentications count against the client's address, like anonymous reads.
    decision = rateLimit(request, { viewer, bearer });
    refuseOverLimit(decision, viewer !== null);
    refuseBadCredentials(bearer, viewer);
    if (kind === "write" && !viewer) {
      throw new ApiError(
        401,
        "token_required",
        "Writing needs a personal API token: send 'Authorization: Bearer <token>' (create one on your account page, /compte). Session cookies are not accepted by the API.",
        undefined,
        { "WWW-Authenticate": 'Bearer realm="wiki"' },
      );
    }
    response = await handler({ request, url: new URL(request.url), db, viewer, params: await context.params });
  } catch (error) {
    const apiError = toApiError(error);
    response = Response.json(apiError.body(), { status: apiError.status, headers: apiError.headers });
  }
  if (decision) for (const [name, value] of Object.entries(rateLimitHeaders(decision))) response.headers.set(name, value);
  if (kind === "read") for (const [name, value] of Object.entries(CORS_READ_HEADERS)) response.headers.set(name, value);
  response.headers.set("Vary", "Authorization");
  // Always revalidated (the ETag makes it cheap); never shared between tokens.
  response.headers.set("Cache-Control", kind === "write" ? "no-store" : request.headers.has("authorization") ? "private, no-cache" : "no-cache");
  return response;
}

/** A read endpoint: anonymous or with a token, open to any origin (CORS). */
export function apiRead<P = Record<string, never>>(handler: Handler<P>): RouteHandler<P> {
  return (request, context) => handle("read", request, context, handler);
}

/** A write endpoint: a valid personal API token is required; no CORS, so no page of another origin can call it. */
export function apiWrite<P = Record<string, never>>(handler: WriteHandler<P>): RouteHandler<P> {
  // handle() refuses a write without an viewer before calling the handler.
  return (request, context) => handle("write", request, context, handler as Handler<P>);
}

/** The answer to a CORS preflight: reads only, with the headers a read may send. */
export async function apiPreflight(): Promise<Response> {
  return new Response(null, {
    status: 204,
    headers: {
      Allow: READ_METHODS,
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Methods": READ_METHODS,
      "Access-Control-Allow-Headers": "Authorization, If-None-Match",
      "Access-Control-Max-Age": "86400",
    },
  });
}

/** A weak ETag of a JSON text: equal tags mean equal representations. */
export function etagOf(json: string): string {
  return `W/"${createHash("sha256").update(json).digest("base64url").slice(0, 32)}"`;
}

function opaqueTags(header: string): string[] {
  return header.split(",").map((tag) => tag.trim().replace(/^W\//, "")).filter(Boolean);
}

/** Whether an If-None-Match or If-Match header names this ETag (weak comparison; "*" names any). */
export function tagListMatches(header: string, etag: string): boolean {
  const tags = opaqueTags(header);
  return tags.includes("*") || tags.includes(etag.replace(/^W\//, ""));
}

/**
 * Refuses a write whose If-Match names another version than the resource's current representation
 * (412). Tags are weak, so they are compared weakly: they hash the whole JSON representation, so
 * equal tags mean equal resources.
 */
export function checkIfMatch(request: Request, current: unknown): void {
  const header = request.headers.get("if-match");
  if (header !== null && !tagListMatches(header, etagOf(JSON.stringify(current)))) {
    throw new ApiError(412, "precondition_failed", "The resource changed since you read it (If-Match does not match its ETag): read it again, then retry.");
  }
}

/** A JSON answer with its ETag; a GET whose If-None-Match already names it gets 304 without a body. */
export function jsonResponse(request: Request, body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const json = JSON.stringify(body);
  const etag = etagOf(json);
  const headers: Record<string, string> = { ETag: etag, ...init.headers };
  const ifNoneMatch = request.headers.get("if-none-match");
  if ((request.method === "GET" || request.method === "HEAD") && ifNoneMatch !== null && tagListMatches(ifNoneMatch, etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(json, { status: init.status ?? 200, headers: { "Content-Type": "application/json; charset=utf-8", ...headers } });
}

/**
 * A page of a list: `{ data, meta }` and its Link header. `pageCount` overrides the count derived
 * from the total (search caps it); `extra` adds fields to the meta and to the body.
 */
export function listResponse(
  context: ApiContext<unknown>,
  data: unknown[],
  page: { page: number; perPage: number; total: number; pageCount?: number },
  extra: { meta?: Record<string, unknown>; body?: Record<string, unknown> } = {},
): Response {
  const meta = { ...pageMeta(page.page, page.perPage, page.total), ...(page.pageCount !== undefined ? { page_count: page.pageCount } : {}) };
  const link = linkHeader(context.url, meta);
  return jsonResponse(context.request, { data, meta: { ...meta, ...extra.meta }, ...extra.body }, { headers: link ? { Link: link } : {} });
}

/**
 * The JSON object of a write's body. Refuses another media type (415), a body over 256 KiB (413),
 * malformed JSON (400) and anything but an object (400).
 */
export async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, "unsupported_media_type", "Send the body as JSON, with the header 'Content-Type: application/json'.");
  }
  const tooLarge = () => new ApiError(413, "payload_too_large", `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      size += read.value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(read.value);
    }
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch (error) {
    throw new ApiError(400, "invalid_json", `The body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new ApiError(400, "invalid_body", "The body must be a JSON object.");
  return body as Record<string, unknown>;
}

/** 404 in the API's shape. */
export function notFound(what: string): ApiError {
  return new ApiError(404, "not_found", `${what} not found.`);
}

import type { Db } from "@/db/client";
import type { Fiche } from "@/db/schema";
import type { FicheStatut, FicheType } from "@/lib/fiche/values";
import type { FicheContent } from "@/lib/fiche/document";
import { insertFiche } from "@/server/fiche";
import type { ApiErrorBody } from "./errors";
import type { RouteHandler } from "./http";

/** Test helpers: requests as a client would send them, and calls of route handlers as Next makes them. */

let ipCounter = 0;

/** A fresh client address per call, so that one test's requests never use up another's rate limit. */
export function newClientIp(): string {
  ipCounter++;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

type RequestOptions = {
  method?: string;
  token?: string;
  /** Sent as JSON unless it is already a string. */
  body?: unknown;
  headers?: Record<string, string>;
  ip?: string;
};

/** A Request to the API, as the custom server hands it to Next (with the client address header). */
export function apiRequest(path: string, options: RequestOptions = {}): Request {
  const headers: Record<string, string> = { "x-wiki-client-ip": options.ip ?? newClientIp(), ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  return new Request(new URL(path, "http://localhost:3000"), { method: options.method ?? (body ? "POST" : "GET"), headers, body });
}

/** Calls a route handler with its params, as Next does. */
export function callRoute<P>(handler: RouteHandler<P>, request: Request, params: P = {} as P): Promise<Response> {
  return handler(request, { params: Promise.resolve(params) });
}

/** A response body as tests read it: any resource, or the API's error shape. */
export type AnyBody = Partial<ApiErrorBody> & Record<string, unknown>;

/** The JSON body of a response (and its status), for assertions. */
export async function jsonOf<T = AnyBody>(response: Response): Promise<{ status: number; body: T }> {
  return { status: response.status, body: (await response.json()) as T };
}

let ficheCounter = 0;

/** Inserts a fiche the way the wiki does (row, Yjs document, projection), with the given content in its document. */
export function buildFicheWithContent(
  db: Db,
  values: { type?: FicheType; titre?: string; createdBy?: number | null; statut?: FicheStatut; content?: Partial<FicheContent> } = {},
): Fiche {
  const type = values.type ?? "pratique";
  const titre = values.titre ?? `Atelier numérique ${++ficheCounter}`;
  return insertFiche(db, { type, titre, createdBy: values.createdBy ?? null, statut: values.statut ?? "publiee", content: values.content });
}

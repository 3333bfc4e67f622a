// Serving /export's files: a download limit per client, then the stored file of the current
// version, streamed, with a strong ETag so that an unchanged wiki answers 304.
import fs from "node:fs/promises";
import { Readable } from "node:stream";
import { getDb } from "@/db/client";
import type { Viewer } from "@/lib/policies/viewer";
import { CLIENT_IP_HEADER } from "../auth/client-ip";
import { RateLimiter, type RateDecision } from "../rate-limit";
import { getCurrentViewer } from "../session";
import { downloadHeaders } from "./http";
import { getStoredExport, type SiteExport, type StoredExport } from "./store";

const WINDOW_MS = 10 * 60_000;

// Anonymous visitors: 20 downloads per address in 10 minutes, plenty for a person fetching each
// file a few times, and a bound on what a script can pull through one address. Accounts get 200:
// they are given by admins, can be disabled, and partners script their syncs with them.
const cache = globalThis as unknown as { __wikiExportLimiters?: { anonymous: RateLimiter; account: RateLimiter } };

/** The download limiters of /export's files: per client address without a session, per account with one. */
export function exportRateLimiters(): { anonymous: RateLimiter; account: RateLimiter } {
  return (cache.__wikiExportLimiters ??= { anonymous: new RateLimiter(20, WINDOW_MS), account: new RateLimiter(200, WINDOW_MS) });
}

function takeDownload(request: Request, viewer: Viewer | null): RateDecision {
  const limiters = exportRateLimiters();
  if (viewer) return limiters.account.take(`user:${viewer.id}`);
  // server/index.ts sets this header from the socket (or X-Forwarded-For behind TRUST_PROXY): a client cannot forge it.
  return limiters.anonymous.take(`ip:${request.headers.get(CLIENT_IP_HEADER) ?? "unknown"}`);
}

const minutes = (seconds: number) => {
  const n = Math.ceil(seconds / 60);
  return n > 1 ? `${n} minutes` : "1 minute";
};

/** The French sentence of a refused download. */
export function refusalMessage(decision: RateDecision, signedIn: boolean): string {
  return (
    `Trop de téléchargements ${signedIn ? "depuis votre compte" : "depuis votre adresse"} : au plus ${decision.limit} ` +
    `en ${minutes(decision.windowSeconds)}. Réessayez dans ${minutes(decision.resetSeconds)}.`
  );
}

// A person who followed a link of /export gets a page with a way back; a script gets the sentence.
function refusal(request: Request, decision: RateDecision, signedIn: boolean): Response {
  const message = refusalMessage(decision, signedIn);
  const headers = { "retry-after": String(decision.resetSeconds), "cache-control": "no-store" };
  if (!(request.headers.get("accept") ?? "").includes("text/html")) {
    return new Response(`${message}\n`, { status: 429, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
  }
  const html =
    '<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    "<title>Téléchargement refusé – Wiki de la Solidarité numérique</title></head>" +
    `<body><main><h1>Téléchargement refusé</h1><p role="alert">${message}</p>` +
    '<p><a href="/export">Retour à la page des exports</a></p></main></body></html>\n';
  return new Response(html, { status: 429, headers: { ...headers, "content-type": "text/html; charset=utf-8" } });
}

/** Whether an If-None-Match header names this strong ETag ("*" or a list; W/ compares weakly, as RFC 9110 asks). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const value = tag.trim();
    return value === "*" || value.replace(/^W\//, "") === etag;
  });
}

function fileHeaders(stored: StoredExport): Headers {
  const headers = downloadHeaders(stored.filename, stored.contentType, stored.licence);
  for (const [name, value] of Object.entries(stored.headers)) headers.set(name, value);
  headers.set("etag", stored.etag);
  // Stored, but asked again each time: an export must never be served stale.
  headers.set("cache-control", "no-cache");
  return headers;
}

/** Answers a request for one of /export's files: 429 over the limit, 304 when unchanged, else the file. */
export async function serveSiteExport(request: Request, name: SiteExport): Promise<Response> {
  const viewer = await getCurrentViewer();
  const decision = takeDownload(request, viewer);
  if (!decision.allowed) return refusal(request, decision, viewer !== null);
  const db = getDb();
  for (let attempt = 0; ; attempt++) {
    const stored = await getStoredExport(db, name);
    const headers = fileHeaders(stored);
    if (matchesEtag(request.headers.get("if-none-match"), stored.etag)) return new Response(null, { status: 304, headers });
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(stored.file, "r");
    } catch (error) {
      // A newer version replaced this one between the lookup and the open: serve that one.
      if ((error as NodeJS.ErrnoException).code === "ENOENT" && attempt < 2) continue;
      throw error;
    }
    const { size } = await handle.stat();
    headers.set("content-length", String(size));
    return new Response(Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>, { headers });
  }
}

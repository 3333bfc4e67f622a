import http from "node:http";
import type { Duplex } from "node:stream";
import { getToken } from "next-auth/jwt";
import type { Db } from "@/db/client";
import { getViewerById } from "@/db/queries/viewer";
import { getFicheAccessFacts } from "@/db/queries/fiche-access";
import type { Viewer } from "@/lib/policies/viewer";
import { canEditFiche, canManageFiche, canReadFiche } from "@/lib/policies/fiche";
import { userIdOfToken } from "@/server/auth/token";
import { parseCollabUrl } from "./path";

/** Who opened a socket on which fiche, and what they may do there. */
export type CollabAccess = {
  ficheId: number;
  userId: number | null;
  viewer: Viewer | null;
  canEdit: boolean;
  /** Whether they may also change the fiche's porteurs (canManageFiche). */
  canManage: boolean;
  wantsAck: boolean;
};

/** The outcome of authenticating an upgrade request: an access, or the HTTP refusal to send. */
export type UpgradeAuthResult =
  | { ok: true; access: CollabAccess }
  | { ok: false; status: 400 | 401 | 403 | 404 | 500; reason: string };

export type UpgradeAuthOptions = {
  db: Db;
  /** The next-auth secret (NEXTAUTH_SECRET). */
  secret: string;
  /** Whether the session cookie is the `__Secure-` one, as next-auth does behind an https URL. */
  secureCookie: boolean;
  /** Origins allowed to open a socket, e.g. "https://wiki.example.org". */
  allowedOrigins: readonly string[];
};

/** Parses a Cookie header into name → value, the shape next-auth's getToken reads. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // A value that is not URI-encoded is kept as sent.
    }
    if (name && !(name in cookies)) cookies[name] = value;
  }
  return cookies;
}

/**
 * Browsers always send Origin on a WebSocket handshake, so a cross-site page riding the user's
 * cookies is refused here. A request without Origin comes from a non-browser client, which could
 * forge any header anyway: it is let through to the session and policy checks.
 */
export function isOriginAllowed(origin: string | undefined, host: string | undefined, allowedOrigins: readonly string[]): boolean {
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (allowedOrigins.some((allowed) => safeOrigin(allowed) === parsed.origin)) return true;
  return host !== undefined && parsed.host.toLowerCase() === host.toLowerCase();
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

async function readSessionUserId(req: http.IncomingMessage, options: UpgradeAuthOptions): Promise<number | null> {
  // getToken reads `req.cookies` (parsed, as Next provides them) and falls back to a Bearer header.
  const token = await getToken({
    req: { headers: req.headers, cookies: parseCookies(req.headers.cookie) } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: options.secret,
    secureCookie: options.secureCookie,
  });
  return userIdOfToken(token);
}

/** Checks path, Origin, session and fiche policies of an upgrade request, before any upgrade. */
export async function authenticateUpgrade(req: http.IncomingMessage, options: UpgradeAuthOptions): Promise<UpgradeAuthResult> {
  const target = parseCollabUrl(req.url);
  if (!target) return { ok: false, status: 404, reason: `No fiche socket at ${req.url}` };
  const origin = req.headers.origin;
  if (!isOriginAllowed(origin, req.headers.host, options.allowedOrigins)) {
    return { ok: false, status: 403, reason: `Origin ${origin} is not allowed` };
  }
  const userId = await readSessionUserId(req, options);
  const viewer = userId === null ? null : getViewerById(options.db, userId);
  if (userId !== null && !viewer) return { ok: false, status: 403, reason: `Account ${userId} is disabled or was deleted` };
  const facts = getFicheAccessFacts(options.db, target.ficheId);
  if (!facts) return { ok: false, status: 404, reason: `Fiche ${target.ficheId} does not exist` };
  if (!canReadFiche(viewer, facts)) {
    return viewer
      ? { ok: false, status: 403, reason: `User ${viewer.id} may not read fiche ${target.ficheId}` }
      : { ok: false, status: 401, reason: `Fiche ${target.ficheId} is not public; sign in to read it` };
  }
  return {
    ok: true,
    access: {
      ficheId: target.ficheId,
      userId,
      viewer,
      canEdit: canEditFiche(viewer, facts),
      canManage: canManageFiche(viewer, facts),
      wantsAck: target.wantsAck,
    },
  };
}

/** Answers an upgrade request with a plain HTTP error and closes the raw socket. */
export function rejectUpgrade(socket: Duplex, status: number, reason: string): void {
  if (socket.destroyed) return;
  const body = `${reason}\n`;
  socket.once("finish", () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? "Error"}\r\n` +
      "Connection: close\r\n" +
      "Content-Type: text/plain; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      "\r\n" +
      body,
  );
}

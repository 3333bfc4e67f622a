import { NextResponse, type NextRequest } from "next/server";
import { SESSION_HEADER } from "@/lib/offline/sw-policy";

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
// next-auth's session cookie, as server/session.ts reads it.
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // The editor's carets and React's style props use inline styles; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data: https:",
    "font-src 'self'",
    "connect-src 'self' ws: wss:",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Whether an Origin header names the host the request was sent to. Opaque origins ("null", sent
 * by sandboxed frames, file: pages and some redirects) and unparsable values are foreign.
 */
export function isSameOrigin(origin: string | null, host: string | null): boolean {
  if (!origin || !host || !URL.canParse(origin)) return false;
  return new URL(origin).host === host;
}

/**
 * Sets a per-request CSP nonce, and refuses cross-site state-changing requests to the API that
 * rely on the session cookie (server actions get the same Origin check from Next itself).
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (
    pathname.startsWith("/api/") &&
    !pathname.startsWith("/api/auth/") &&
    // The REST API never reads the session cookie (a token or nothing), so a cross-site request gains nothing there.
    !pathname.startsWith("/api/v1/") &&
    UNSAFE_METHODS.has(request.method) &&
    !request.headers.get("authorization")
  ) {
    const origin = request.headers.get("origin");
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    if (!isSameOrigin(origin, host)) {
      return NextResponse.json(
        { error: { code: "csrf", message: "Cross-site request refused: missing or foreign Origin header." } },
        { status: 403 },
      );
    }
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // Tells the service worker not to keep this page for offline reading: it may name the person.
  if (request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name))) response.headers.set(SESSION_HEADER, "1");
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};

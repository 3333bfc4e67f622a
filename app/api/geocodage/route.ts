import { NextResponse, type NextRequest } from "next/server";
import { CLIENT_IP_HEADER } from "@/server/auth/client-ip";
import { DomainError } from "@/server/errors";
import { geocodeAddress } from "@/server/geocoder";
import { RateLimiter } from "@/server/rate-limit";

export const dynamic = "force-dynamic";

// Every lookup counts against the client's allowance, so that the wiki cannot be used to flood
// the address API (the BAN allows 50 requests per second per caller; this is far below).
const cache = globalThis as unknown as { __wikiGeocodeLimiter?: RateLimiter };
const limiter = (cache.__wikiGeocodeLimiter ??= new RateLimiter(30, 60_000));

const STATUS: Record<string, number> = { geocoder_off: 404, invalid_query: 400, geocoder_unavailable: 502 };

/**
 * `?q=` looks an address up with GEOCODER_URL and answers `{ results: [{ label, latitude, longitude,
 * codePostal, commune, codeInsee }] }`. Errors are `{ error: { code, message } }` in English.
 * Nothing is logged or stored. /api/carte/config tells whether geocoding is on.
 */
export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams.get("q");
  if (q === null) return NextResponse.json({ error: { code: "missing_query", message: "Give the address to look up as ?q=." } }, { status: 400 });
  const client = request.headers.get(CLIENT_IP_HEADER) ?? "unknown";
  const decision = limiter.take(client);
  if (!decision.allowed) {
    return NextResponse.json(
      { error: { code: "rate_limited", message: `Too many address lookups: try again in ${decision.resetSeconds} s.` } },
      { status: 429, headers: { "Retry-After": String(decision.resetSeconds) } },
    );
  }
  try {
    return NextResponse.json({ results: await geocodeAddress(q) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return NextResponse.json({ error: { code: error.code, message: error.message } }, { status: STATUS[error.code] ?? 400 });
  }
}

import { RateLimiter, type RateDecision } from "@/server/rate-limit";

/** Requests per minute: per client address without a token, per token with one. */
export const API_RATE_LIMITS = { anonymous: 60, token: 300, windowSeconds: 60 } as const;

const slot = globalThis as unknown as { __wikiApiLimiters?: { anonymous: RateLimiter; token: RateLimiter } };

/** The process-wide API limiters (on globalThis, so that hot reload does not reset them). */
export function apiRateLimiters(): { anonymous: RateLimiter; token: RateLimiter } {
  slot.__wikiApiLimiters ??= {
    anonymous: new RateLimiter(API_RATE_LIMITS.anonymous, API_RATE_LIMITS.windowSeconds * 1000),
    token: new RateLimiter(API_RATE_LIMITS.token, API_RATE_LIMITS.windowSeconds * 1000),
  };
  return slot.__wikiApiLimiters;
}

/** The RateLimit-* headers (IETF httpapi draft) of a decision, and Retry-After when it refused. */
export function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  return {
    "RateLimit-Limit": String(decision.limit),
    "RateLimit-Remaining": String(decision.remaining),
    "RateLimit-Reset": String(decision.resetSeconds),
    "RateLimit-Policy": `${decision.limit};w=${decision.windowSeconds}`,
    ...(decision.allowed ? {} : { "Retry-After": String(decision.resetSeconds) }),
  };
}

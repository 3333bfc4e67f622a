/** What a limiter decided for one request, and what to tell the client in the RateLimit-* headers. */
export type RateDecision = { allowed: boolean; limit: number; remaining: number; resetSeconds: number; windowSeconds: number };

/**
 * Counts requests per key (a token, a client address) in fixed windows. In memory: the wiki runs as
 * one process, and a restart forgetting the counts is harmless.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request for `key`, unless its window is already full. */
  take(key: string): RateDecision {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > 50_000) this.prune(now);
    }
    const resetSeconds = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
    const windowSeconds = Math.round(this.windowMs / 1000);
    if (window.count >= this.limit) return { allowed: false, limit: this.limit, remaining: 0, resetSeconds, windowSeconds };
    window.count++;
    return { allowed: true, limit: this.limit, remaining: this.limit - window.count, resetSeconds, windowSeconds };
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}

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

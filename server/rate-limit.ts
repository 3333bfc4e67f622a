/** What a limiter decided for one event, in the terms of the RateLimit-* and Retry-After headers. */
export type RateDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds (at least 1) until the oldest counted event leaves the window, freeing a place. */
  resetSeconds: number;
  windowSeconds: number;
};

// Past this many keys, a new key first drops the keys whose events have all left their window.
const PRUNE_ABOVE_KEYS = 50_000;

const wholeSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Allows at most `limit` events per key (an API token, a client address, an account) in any window
 * of `windowMs`, by keeping each key's recent events. In memory: the wiki runs as one process, and
 * a restart forgetting the counts is harmless.
 */
export class RateLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one event for `key` if its window has room, and says what was decided. */
  take(key: string): RateDecision {
    const now = this.now();
    const recent = this.recent(key, now);
    const allowed = recent.length < this.limit;
    if (allowed) {
      recent.push(now);
      if (recent.length === 1) {
        this.events.set(key, recent);
        if (this.events.size > PRUNE_ABOVE_KEYS) this.prune(now);
      }
    }
    return {
      allowed,
      limit: this.limit,
      remaining: this.limit - recent.length,
      resetSeconds: wholeSeconds(recent[0] + this.windowMs - now),
      windowSeconds: Math.round(this.windowMs / 1000),
    };
  }

  /** Seconds until `key` may have one more event, 0 when it may now; counts nothing. */
  retryAfterSeconds(key: string): number {
    const now = this.now();
    const recent = this.recent(key, now);
    return recent.length < this.limit ? 0 : wholeSeconds(recent[recent.length - this.limit] + this.windowMs - now);
  }

  /** Forgets `key`'s events. */
  reset(key: string): void {
    this.events.delete(key);
  }

  /** Gives back `key`'s newest event: one taken before its outcome was known, that turned out not to count. */
  release(key: string): void {
    const events = this.events.get(key);
    if (!events) return;
    events.pop();
    if (events.length === 0) this.events.delete(key);
  }

  /** `key`'s events still in the window, oldest first; the stored list itself, or a new one. */
  private recent(key: string, now: number): number[] {
    const events = this.events.get(key);
    if (!events) return [];
    let expired = 0;
    while (expired < events.length && events[expired] <= now - this.windowMs) expired++;
    if (expired === events.length) {
      this.events.delete(key);
      return [];
    }
    events.splice(0, expired);
    return events;
  }

  private prune(now: number): void {
    for (const key of [...this.events.keys()]) this.recent(key, now);
  }
}

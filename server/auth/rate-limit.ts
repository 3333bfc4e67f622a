/**
 * Counts failed sign-in attempts per key (an account's email, a client IP) in a sliding window.
 * In memory: the wiki runs as one process, and a restart forgetting the counts is acceptable.
 */
export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until this key may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.maxFailures) return 0;
    return recent[0] + this.windowMs - this.now();
  }

  /** Records one failed attempt. */
  fail(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    this.failures.set(key, recent);
    if (this.failures.size > 50_000) this.prune();
  }

  /** Forgets a key's failures after a successful sign-in. */
  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) {
      if (this.recent(key).length === 0) this.failures.delete(key);
    }
  }
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;
const limiters = globalThis as unknown as { __wikiSignIn?: { account: AttemptLimiter; ip: AttemptLimiter } };

/** The process-wide sign-in limiters: 5 failures per account and 20 per IP in 15 minutes. */
export function signInLimiters(): { account: AttemptLimiter; ip: AttemptLimiter } {
  limiters.__wikiSignIn ??= {
    account: new AttemptLimiter(5, FIFTEEN_MINUTES),
    ip: new AttemptLimiter(20, FIFTEEN_MINUTES),
  };
  return limiters.__wikiSignIn;
}

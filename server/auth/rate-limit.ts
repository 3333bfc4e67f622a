import { RateLimiter } from "@/server/rate-limit";

const FIFTEEN_MINUTES = 15 * 60 * 1000;
const limiters = globalThis as unknown as { __wikiSignIn?: { account: RateLimiter; ip: RateLimiter } };

/** The process-wide sign-in limiters: 5 failures per account and 20 per IP in 15 minutes. */
export function signInLimiters(): { account: RateLimiter; ip: RateLimiter } {
  limiters.__wikiSignIn ??= {
    account: new RateLimiter(5, FIFTEEN_MINUTES),
    ip: new RateLimiter(20, FIFTEEN_MINUTES),
  };
  return limiters.__wikiSignIn;
}

import { isIPv6 } from "node:net";
import { RateLimiter } from "@/server/rate-limit";

/** Failures one (account, address) pair may make before each further attempt has to wait. */
export const FREE_FAILURES_PER_PAIR = 5;
/** Failures one client address may make in {@link ADDRESS_WINDOW_MS}, whatever the accounts. */
export const FAILURES_PER_ADDRESS = 30;
const ADDRESS_WINDOW_MS = 15 * 60 * 1000;
const MAX_DELAY_SECONDS = 15 * 60;
// A pair's failures are forgotten a day after its last one.
const PAIR_MEMORY_MS = 24 * 60 * 60 * 1000;
const PRUNE_ABOVE_PAIRS = 50_000;

/** Seconds a pair with `failures` failures waits after the last one: none, then 16 s, 32 s… up to 15 minutes. */
export function pairDelaySeconds(failures: number): number {
  return failures < FREE_FAILURES_PER_PAIR ? 0 : Math.min(2 ** (failures - FREE_FAILURES_PER_PAIR + 4), MAX_DELAY_SECONDS);
}

/**
 * The key an address is counted under: an IPv6 address by its /64, which one subscriber usually
 * holds whole (counting each of its addresses apart would let one person rotate through them).
 */
export function addressKey(address: string): string {
  const plain = address.trim().toLowerCase().replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain);
  if (mapped) return mapped[1];
  if (!isIPv6(plain)) return plain;
  const [head, tail] = plain.split("::");
  const groups = (part: string | undefined) => (part ? part.split(":").flatMap((g) => (g.includes(".") ? ["0", "0"] : [g])) : []);
  const left = groups(head);
  const right = groups(tail);
  const full = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return `${full
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

/** What {@link SignInThrottle.reserve} decided: a reserved attempt to settle once the password is checked, or a wait. */
export type SignInReservation =
  | { allowed: true; settle(outcome: "success" | "failure"): void }
  | { allowed: false; retryAfterSeconds: number };

/**
 * Paces password sign-ins per (account, address) pair, with a growing delay, and per address, with
 * a sliding window; never per account alone, so that a stranger cannot lock the owner out. In
 * memory, like the other limiters: the wiki runs as one process.
 */
export class SignInThrottle {
  private readonly pairs = new Map<string, { failures: number; lastAt: number }>();
  private readonly addresses: RateLimiter;

  constructor(private readonly now: () => number = Date.now) {
    this.addresses = new RateLimiter(FAILURES_PER_ADDRESS, ADDRESS_WINDOW_MS, now);
  }

  /**
   * Reserves an attempt for `email` from `address`, counted as a failure until settled, or says how
   * long to wait. Synchronous, so that concurrent attempts each see the ones reserved before them.
   */
  reserve(email: string, address: string): SignInReservation {
    const now = this.now();
    const addressId = addressKey(address);
    const pairId = `${email.trim().toLowerCase()}\n${addressId}`;
    const pair = this.currentPair(pairId, now);
    const pairWaitMs = pair ? pair.lastAt + pairDelaySeconds(pair.failures) * 1000 - now : 0;
    const wait = Math.max(pairWaitMs > 0 ? Math.ceil(pairWaitMs / 1000) : 0, this.addresses.retryAfterSeconds(addressId));
    if (wait > 0) return { allowed: false, retryAfterSeconds: wait };

    this.addresses.take(addressId);
    this.pairs.set(pairId, { failures: (pair?.failures ?? 0) + 1, lastAt: now });
    if (this.pairs.size > PRUNE_ABOVE_PAIRS) this.prune(now);
    let settled = false;
    return {
      allowed: true,
      settle: (outcome) => {
        if (settled) return;
        settled = true;
        if (outcome === "failure") return;
        // Only failures count: a person who signs in often is never slowed down.
        this.pairs.delete(pairId);
        this.addresses.release(addressId);
      },
    };
  }

  private currentPair(pairId: string, now: number) {
    const pair = this.pairs.get(pairId);
    if (pair && now - pair.lastAt >= PAIR_MEMORY_MS) {
      this.pairs.delete(pairId);
      return undefined;
    }
    return pair;
  }

  private prune(now: number): void {
    for (const pairId of [...this.pairs.keys()]) this.currentPair(pairId, now);
  }
}

const slot = globalThis as unknown as { __wikiSignInThrottle?: SignInThrottle };

/** The process-wide sign-in throttle. */
export function signInThrottle(): SignInThrottle {
  slot.__wikiSignInThrottle ??= new SignInThrottle();
  return slot.__wikiSignInThrottle;
}

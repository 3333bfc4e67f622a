import { describe, expect, it } from "vitest";
import { addressKey, FAILURES_PER_ADDRESS, FREE_FAILURES_PER_PAIR, pairDelaySeconds, SignInThrottle } from "./rate-limit";

const ADMIN = "admin@exemple.fr";

function fail(throttle: SignInThrottle, email: string, address: string): boolean {
  const attempt = throttle.reserve(email, address);
  if (attempt.allowed) attempt.settle("failure");
  return attempt.allowed;
}

describe("SignInThrottle", () => {
  it("lets a pair fail freely a few times, then makes each further attempt wait twice as long, up to 15 minutes", () => {
    let now = 0;
    const throttle = new SignInThrottle(() => now);
    for (let i = 0; i < FREE_FAILURES_PER_PAIR; i++) expect(fail(throttle, ADMIN, "203.0.113.7")).toBe(true);
    expect(throttle.reserve(ADMIN, "203.0.113.7")).toEqual({ allowed: false, retryAfterSeconds: 16 });
    now += 15_000;
    expect(throttle.reserve(ADMIN, "203.0.113.7")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 1_000;
    expect(fail(throttle, ADMIN, "203.0.113.7")).toBe(true);
    expect(throttle.reserve(ADMIN, "203.0.113.7")).toEqual({ allowed: false, retryAfterSeconds: 32 });
    now += 32_000;
    expect(fail(throttle, ADMIN, "203.0.113.7")).toBe(true);
    expect(throttle.reserve(ADMIN, "203.0.113.7")).toEqual({ allowed: false, retryAfterSeconds: 64 });

    expect([5, 6, 7, 8, 9, 10, 11, 40].map(pairDelaySeconds)).toEqual([16, 32, 64, 128, 256, 512, 900, 900]);
    expect(pairDelaySeconds(FREE_FAILURES_PER_PAIR - 1)).toBe(0);
  });

  it("counts per (account, address) pair: the same account from another address, or another account, is not slowed", () => {
    const now = 0;
    const throttle = new SignInThrottle(() => now);
    for (let i = 0; i < FREE_FAILURES_PER_PAIR; i++) fail(throttle, ADMIN, "203.0.113.7");
    expect(throttle.reserve(ADMIN, "203.0.113.7").allowed).toBe(false);
    expect(throttle.reserve(" Admin@Exemple.fr", "203.0.113.7").allowed).toBe(false);
    expect(throttle.reserve(ADMIN, "198.51.100.20").allowed).toBe(true);
    expect(throttle.reserve("autre@exemple.fr", "203.0.113.7").allowed).toBe(true);
  });

  it("counts per address across accounts, in a sliding window of 15 minutes", () => {
    let now = 0;
    const throttle = new SignInThrottle(() => now);
    for (let i = 0; i < FAILURES_PER_ADDRESS; i++) expect(fail(throttle, `personne${i}@exemple.fr`, "203.0.113.7")).toBe(true);
    expect(throttle.reserve("encore@exemple.fr", "203.0.113.7")).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 });
    expect(throttle.reserve("encore@exemple.fr", "198.51.100.20").allowed).toBe(true);
    now += 15 * 60_000;
    expect(throttle.reserve("encore@exemple.fr", "203.0.113.7").allowed).toBe(true);
  });

  it("lets the owner sign in from another address after a stranger's 50 failures, from one address or many", () => {
    let now = 0;
    const throttle = new SignInThrottle(() => now);
    let failures = 0;
    while (failures < 50) {
      // One patient stranger, waiting out every delay, and a crowd of addresses that fail once each.
      if (fail(throttle, ADMIN, "203.0.113.7")) failures++;
      if (fail(throttle, ADMIN, `198.51.100.${failures}`)) failures++;
      now += 60_000;
    }
    const owner = throttle.reserve(ADMIN, "192.0.2.1");
    expect(owner.allowed).toBe(true);
  });

  it("forgets a pair's failures and gives the address its place back when the password was right", () => {
    const now = 0;
    const throttle = new SignInThrottle(() => now);
    for (let i = 0; i < FREE_FAILURES_PER_PAIR - 1; i++) fail(throttle, ADMIN, "203.0.113.7");
    const right = throttle.reserve(ADMIN, "203.0.113.7");
    expect(right.allowed).toBe(true);
    if (right.allowed) right.settle("success");
    for (let i = 0; i < FREE_FAILURES_PER_PAIR; i++) expect(fail(throttle, ADMIN, "203.0.113.7")).toBe(true);
    for (let i = 0; i < FAILURES_PER_ADDRESS - FREE_FAILURES_PER_PAIR - (FREE_FAILURES_PER_PAIR - 1); i++) {
      expect(fail(throttle, `personne${i}@exemple.fr`, "203.0.113.7")).toBe(true);
    }
    expect(throttle.reserve("encore@exemple.fr", "203.0.113.7").allowed).toBe(false);
  });

  it("counts a pending attempt as a failure, so that concurrent attempts see it", () => {
    const throttle = new SignInThrottle(() => 0);
    const pending = Array.from({ length: 60 }, () => throttle.reserve(ADMIN, "203.0.113.7"));
    expect(pending.filter((a) => a.allowed)).toHaveLength(FREE_FAILURES_PER_PAIR);
  });
});

describe("addressKey", () => {
  it("counts an IPv6 address by its /64 and an IPv4-mapped address as IPv4", () => {
    expect(addressKey("2001:db8:a:b:1:2:3:4")).toBe("2001:db8:a:b::/64");
    expect(addressKey("2001:0DB8:000a:b::ffff")).toBe("2001:db8:a:b::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("unknown")).toBe("unknown");
  });

  it("makes a stranger rotating through one /64 a single address", () => {
    const throttle = new SignInThrottle(() => 0);
    for (let i = 0; i < FAILURES_PER_ADDRESS; i++) fail(throttle, `personne${i}@exemple.fr`, `2001:db8:a:b::${i.toString(16)}`);
    expect(throttle.reserve("encore@exemple.fr", "2001:db8:a:b::ffff").allowed).toBe(false);
    expect(throttle.reserve("encore@exemple.fr", "2001:db8:a:c::1").allowed).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

describe("RateLimiter", () => {
  it("allows `limit` events per key in the window, and says when the next place frees", () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(2, 10_000, () => now);
    expect(limiter.take("a")).toEqual({ allowed: true, limit: 2, remaining: 1, resetSeconds: 10, windowSeconds: 10 });
    expect(limiter.take("a").remaining).toBe(0);
    now += 4_000;
    expect(limiter.take("a")).toEqual({ allowed: false, limit: 2, remaining: 0, resetSeconds: 6, windowSeconds: 10 });
    expect(limiter.take("b").allowed).toBe(true);
    now += 6_000;
    expect(limiter.take("a")).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 10 });
  });

  it("slides: events late in one window still count at the start of the next", () => {
    let now = 0;
    const limiter = new RateLimiter(2, 60_000, () => now);
    limiter.take("a");
    now = 50_000;
    limiter.take("a");
    now = 61_000;
    // The first event has left the window, the second has not: one place, freed again at 110 s.
    expect(limiter.take("a")).toMatchObject({ allowed: true, remaining: 0, resetSeconds: 49 });
    expect(limiter.take("a")).toMatchObject({ allowed: false, resetSeconds: 49 });
  });

  it("tells how long to wait without counting, and forgets a key on reset", () => {
    let now = 0;
    const limiter = new RateLimiter(1, 15 * 60_000, () => now);
    expect(limiter.retryAfterSeconds("compte")).toBe(0);
    limiter.take("compte");
    now = 60_500;
    expect(limiter.retryAfterSeconds("compte")).toBe(14 * 60);
    expect(limiter.retryAfterSeconds("compte")).toBe(14 * 60);
    limiter.reset("compte");
    expect(limiter.retryAfterSeconds("compte")).toBe(0);
  });

  it("gives back a key's newest event on release", () => {
    let now = 0;
    const limiter = new RateLimiter(2, 60_000, () => now);
    limiter.take("a");
    now = 1_000;
    limiter.take("a");
    limiter.release("a");
    expect(limiter.take("a")).toMatchObject({ allowed: true, remaining: 0, resetSeconds: 59 });
    limiter.release("a");
    limiter.release("a");
    limiter.release("a");
    expect(limiter.retryAfterSeconds("a")).toBe(0);
    expect(limiter.take("a").remaining).toBe(1);
  });

  it("drops keys whose events have all left the window once it holds many keys", () => {
    let now = 0;
    const limiter = new RateLimiter(1, 1_000, () => now);
    for (let i = 0; i < 50_000; i++) limiter.take(`old-${i}`);
    now = 2_000;
    limiter.take("new-1");
    expect(limiter.take("new-1").allowed).toBe(false);
    const events = (limiter as unknown as { events: Map<string, number[]> }).events;
    expect(events.size).toBe(1);
  });
});

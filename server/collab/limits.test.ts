import { describe, expect, it } from "vitest";
import { refusals, resolveLimits, TokenBucket, DEFAULT_LIMITS } from "./limits";

describe("collab limits", () => {
  it("lets a burst through, then refills at the sustained rate", () => {
    let now = 0;
    const bucket = new TokenBucket(10, 3, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now += 100;
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    now += 10_000;
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });

  it("merges overrides over the defaults and refuses nonsense", () => {
    expect(resolveLimits({ maxClientsPerFiche: 3 })).toEqual({ ...DEFAULT_LIMITS, maxClientsPerFiche: 3 });
    expect(() => resolveLimits({ maxUpdateBytes: 0 })).toThrow("Collab limit maxUpdateBytes must be a positive number, got 0");
  });

  it("keeps every close reason within the 123 bytes a close frame allows", () => {
    const reasons = [
      refusals.malformed("é".repeat(200)),
      refusals.updateTooLarge(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
      refusals.documentTooLarge(Number.MAX_SAFE_INTEGER),
      refusals.tooManyClients(Number.MAX_SAFE_INTEGER),
      refusals.tooSlow(Number.MAX_SAFE_INTEGER),
    ];
    for (const { reason } of reasons) expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123);
    expect(refusals.malformed("é".repeat(200)).reason).toMatch(/^Malformed message: é+\.\.\.$/);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Debounce, type DebounceReason } from "./debounce";

beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] }));
afterEach(() => vi.useRealTimers());

function debounced(quietMs: number, maxWaitMs: number) {
  const fired: { at: number; reason: DebounceReason }[] = [];
  const start = performance.now();
  const debounce = new Debounce({ quietMs, maxWaitMs }, (reason) => fired.push({ at: performance.now() - start, reason }));
  return { debounce, fired };
}

describe("Debounce", () => {
  it("runs once the calls pause for the quiet time", () => {
    const { debounce, fired } = debounced(100, 1000);
    debounce.touch();
    vi.advanceTimersByTime(60);
    debounce.touch();
    vi.advanceTimersByTime(99);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual([{ at: 160, reason: "quiet" }]);
    expect(debounce.pending).toBe(false);
  });

  it("runs at the longest wait under calls that never pause, then waits for the next ones", () => {
    const { debounce, fired } = debounced(100, 500);
    for (let t = 0; t < 1200; t += 20) {
      debounce.touch();
      vi.advanceTimersByTime(20);
    }
    expect(fired).toEqual([
      { at: 500, reason: "maxWait" },
      { at: 1000, reason: "maxWait" },
    ]);
    vi.advanceTimersByTime(100);
    expect(fired.at(-1)).toEqual({ at: 1280, reason: "quiet" });
  });

  it("keeps one timer for a burst of calls instead of one per call", () => {
    const setTimeoutSpy = vi.spyOn(globalThis, "setTimeout");
    const { debounce, fired } = debounced(100, 1000);
    for (let i = 0; i < 50; i++) {
      debounce.touch();
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(200);
    expect(fired).toHaveLength(1);
    // The first timer comes due 100 ms after the first call, finds later calls, and is armed once more.
    expect(setTimeoutSpy.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it("forgets a cancelled call", () => {
    const { debounce, fired } = debounced(100, 1000);
    debounce.touch();
    debounce.cancel();
    expect(debounce.pending).toBe(false);
    vi.advanceTimersByTime(2000);
    expect(fired).toEqual([]);
  });
});

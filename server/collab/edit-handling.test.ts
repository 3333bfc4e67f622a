import { describe, expect, it } from "vitest";
import { EditHandling } from "./edit-handling";

describe("EditHandling", () => {
  it("reports zeros before the first edit", () => {
    expect(new EditHandling().stats()).toEqual({ edits: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 });
  });

  it("reports each edit's time from being read to being broadcast, in milliseconds", () => {
    const handling = new EditHandling();
    for (let i = 1; i <= 100; i++) handling.record(1000, 1000 + i / 10);
    const stats = handling.stats();
    expect(stats.edits).toBe(100);
    expect(stats.p50Ms).toBeCloseTo(5, 1);
    expect(stats.p99Ms).toBeCloseTo(9.9, 1);
    expect(stats.maxMs).toBeCloseTo(10, 1);
  });
});

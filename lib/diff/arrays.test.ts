import { describe, expect, it } from "vitest";
import type { ArrayChange } from "diff";
import { diffArraysBounded } from "./arrays";

function sides<T>(changes: ArrayChange<T>[]): { before: T[]; after: T[]; edits: number } {
  const before: T[] = [];
  const after: T[] = [];
  let edits = 0;
  for (const change of changes) {
    if (!change.added) before.push(...change.value);
    if (!change.removed) after.push(...change.value);
    if (change.added || change.removed) edits += change.count;
  }
  return { before, after, edits };
}

describe("diffArraysBounded", () => {
  it("finds the shortest edit script", () => {
    const { before, after, edits } = sides(diffArraysBounded([..."abcabba"], [..."cbabac"]));
    expect(before.join("")).toBe("abcabba");
    expect(after.join("")).toBe("cbabac");
    // The classic example of Myers' paper: an edit distance of 5.
    expect(edits).toBe(5);
  });

  it("uses the given equality, and kept runs carry the new side's items", () => {
    expect(diffArraysBounded(["A", "b"], ["a", "B"], (x, y) => x.toLowerCase() === y.toLowerCase())).toEqual([
      { value: ["a", "B"], count: 2, added: false, removed: false },
    ]);
  });

  it("past the bound, keeps the common ends and replaces the middle whole", () => {
    const a = ["début", ...Array.from({ length: 3000 }, (_, i) => `a${i}`), "fin"];
    const b = ["début", ...Array.from({ length: 3000 }, (_, i) => `b${i}`), "fin"];
    const changes = diffArraysBounded(a, b);
    expect(changes.map((c) => [c.added, c.removed, c.count])).toEqual([
      [false, false, 1],
      [false, true, 3000],
      [true, false, 3000],
      [false, false, 1],
    ]);
    const { before, after } = sides(changes);
    expect(before).toEqual(a);
    expect(after).toEqual(b);
  });
});

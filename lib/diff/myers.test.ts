import { describe, expect, it } from "vitest";
import { diffSequences, type DiffRun } from "./myers";

function sides<T>(runs: DiffRun<T>[]): { before: T[]; after: T[]; edits: number } {
  const before: T[] = [];
  const after: T[] = [];
  let edits = 0;
  for (const run of runs) {
    if (run.op !== "insert") before.push(...run.items);
    if (run.op !== "delete") after.push(...run.items);
    if (run.op !== "equal") edits += run.items.length;
  }
  return { before, after, edits };
}

/** Length of the longest common subsequence, by dynamic programming: the reference Myers must meet. */
function lcsLength(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
      diagonal = up;
    }
  }
  return row[b.length];
}

// A small deterministic generator, so that a failure can be replayed.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("diffSequences", () => {
  it("keeps what is common and marks what changed", () => {
    const { before, after, edits } = sides(diffSequences([..."abcabba"], [..."cbabac"]));
    expect(before.join("")).toBe("abcabba");
    expect(after.join("")).toBe("cbabac");
    // The classic example of Myers' paper: an edit distance of 5.
    expect(edits).toBe(5);
  });

  it("handles empty sides and identical inputs", () => {
    expect(diffSequences([], [])).toEqual([]);
    expect(diffSequences(["a"], [])).toEqual([{ op: "delete", items: ["a"] }]);
    expect(diffSequences([], ["a", "b"])).toEqual([{ op: "insert", items: ["a", "b"] }]);
    expect(diffSequences(["x", "y"], ["x", "y"])).toEqual([{ op: "equal", items: ["x", "y"] }]);
  });

  it("finds a shortest edit script on random inputs, checked against the LCS", () => {
    const next = random(42);
    for (let round = 0; round < 300; round++) {
      const a = Array.from({ length: Math.floor(next() * 25) }, () => "abcd"[Math.floor(next() * 4)]);
      const b = Array.from({ length: Math.floor(next() * 25) }, () => "abcd"[Math.floor(next() * 4)]);
      const { before, after, edits } = sides(diffSequences(a, b));
      expect(before).toEqual(a);
      expect(after).toEqual(b);
      expect(edits).toBe(a.length + b.length - 2 * lcsLength(a, b));
    }
  });

  it("uses the given equality", () => {
    const runs = diffSequences(["A", "b"], ["a", "B"], (x, y) => x.toLowerCase() === y.toLowerCase());
    expect(runs).toEqual([{ op: "equal", items: ["A", "b"] }]);
  });

  it("gives up minimality on huge unrelated inputs but stays correct", () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`);
    const { before, after } = sides(diffSequences(a, b));
    expect(before).toEqual(a);
    expect(after).toEqual(b);
  });
});

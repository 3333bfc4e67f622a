import { diffArrays, type ArrayChange } from "diff";

/**
 * Above this many edits a diff stops being minimal: the changed middle is reported as one removal
 * and one addition. Keeps the worst case (two unrelated long texts) bounded in memory and time.
 */
const MAX_EDITS = 1000;

/**
 * jsdiff's `diffArrays` (Myers), bounded by MAX_EDITS. Kept runs carry the items of `after`;
 * `equals` compares an item of `before` with one of `after`.
 */
export function diffArraysBounded<T>(before: T[], after: T[], equals: (x: T, y: T) => boolean = Object.is): ArrayChange<T>[] {
  const changes = diffArrays(before, after, { comparator: equals, maxEditLength: MAX_EDITS });
  if (changes) return changes;
  let start = 0;
  while (start < before.length && start < after.length && equals(before[start], after[start])) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && equals(before[endBefore - 1], after[endAfter - 1])) {
    endBefore--;
    endAfter--;
  }
  const run = (value: T[], added: boolean, removed: boolean): ArrayChange<T> => ({ value, count: value.length, added, removed });
  return [
    run(after.slice(0, start), false, false),
    run(before.slice(start, endBefore), false, true),
    run(after.slice(start, endAfter), true, false),
    run(after.slice(endAfter), false, false),
  ].filter((change) => change.count > 0);
}

/**
 * Myers' O((N+M)·D) difference algorithm ("An O(ND) Difference Algorithm and Its Variations",
 * 1986) on arrays: the shortest edit script turning `a` into `b`, as runs of kept, deleted and
 * inserted items. Pure, no DOM, so that both the server and the browser may use it.
 */

export type DiffOp = "equal" | "delete" | "insert";

/** A run of consecutive items with the same fate. */
export type DiffRun<T> = { op: DiffOp; items: T[] };

/**
 * Above this many edits the script stops being minimal: what is left is reported as one deletion
 * and one insertion. Keeps the worst case (two unrelated long texts) linear in memory and time.
 */
const MAX_EDITS = 1000;

/** The shortest edit script from `a` to `b`, as runs in order; `equals` compares two items. */
export function diffSequences<T>(a: readonly T[], b: readonly T[], equals: (x: T, y: T) => boolean = Object.is): DiffRun<T>[] {
  // Common prefix and suffix first: most edits touch a small part of a text.
  let start = 0;
  while (start < a.length && start < b.length && equals(a[start], b[start])) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && equals(a[endA - 1], b[endB - 1])) {
    endA--;
    endB--;
  }
  const runs: DiffRun<T>[] = [];
  const push = (op: DiffOp, items: readonly T[]) => {
    if (items.length === 0) return;
    const last = runs.at(-1);
    if (last && last.op === op) last.items.push(...items);
    else runs.push({ op, items: [...items] });
  };
  push("equal", a.slice(0, start));
  for (const [op, items] of middleScript(a.slice(start, endA), b.slice(start, endB), equals)) push(op, items);
  push("equal", a.slice(endA));
  return runs;
}

function middleScript<T>(a: T[], b: T[], equals: (x: T, y: T) => boolean): [DiffOp, T[]][] {
  if (a.length === 0) return [["insert", b]];
  if (b.length === 0) return [["delete", a]];
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  // v[k + offset]: the furthest x reached on diagonal k. Before each round, the part of v that
  // round reads (diagonals -d-1 … d+1) is kept, to walk the path back: O(D²) memory in all.
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[k - 1 + offset] < v[k + 1 + offset]) ? v[k + 1 + offset] : v[k - 1 + offset] + 1;
      let y = x - k;
      while (x < n && y < m && equals(a[x], b[y])) {
        x++;
        y++;
      }
      v[k + offset] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return [["delete", a], ["insert", b]];

  // Walk back from (n, m), one edit per round, collecting the script in reverse.
  const reversed: [DiffOp, T][] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d];
    const at = (k: number) => prev[k + d + 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      reversed.push(["equal", a[--x]]);
      y--;
    }
    if (down) reversed.push(["insert", b[--y]]);
    else reversed.push(["delete", a[--x]]);
  }
  while (x > 0 && y > 0) {
    reversed.push(["equal", a[--x]]);
    y--;
  }
  const script: [DiffOp, T[]][] = [];
  for (let i = reversed.length - 1; i >= 0; i--) {
    const [op, item] = reversed[i];
    const last = script.at(-1);
    if (last && last[0] === op) last[1].push(item);
    else script.push([op, [item]]);
  }
  return script;
}

/** One step of a Y.Text change, as Yjs reports it in `event.delta`. */
export type TextDelta = { retain?: number; insert?: unknown; delete?: number }[];

/**
 * Where a caret at `position` lands after a remote change: text inserted before it pushes it
 * right, text deleted before it pulls it left. Text inserted exactly at the caret goes after it,
 * so that the person typing there keeps their place.
 */
export function transformCaret(position: number, delta: TextDelta): number {
  let oldIndex = 0;
  let shift = 0;
  for (const op of delta) {
    if (oldIndex >= position && op.insert === undefined) break;
    if (op.retain !== undefined) {
      oldIndex += op.retain;
    } else if (op.insert !== undefined) {
      if (oldIndex < position) shift += typeof op.insert === "string" ? op.insert.length : 1;
    } else if (op.delete !== undefined) {
      shift -= Math.min(op.delete, position - oldIndex);
      oldIndex += op.delete;
    }
  }
  return Math.max(0, position + shift);
}

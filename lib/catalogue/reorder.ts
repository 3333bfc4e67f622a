// The catalogue editor's view of a move, applied at once while the server records it. The rules
// are the server's (server/catalogue-module.ts): a 0-based target position among the other items
// of the target module (or the other modules), clamped to the list.

type WithItems = { id: number; items: { id: number }[] };

const clamp = (position: number, length: number) => Math.min(Math.max(Math.trunc(position), 0), length);

/** The modules with an item moved to `position` in module `moduleId`; unchanged if either is unknown. */
export function moveItemLocally<M extends WithItems>(modules: M[], itemId: number, moduleId: number, position: number): M[] {
  const item = modules.flatMap((m) => m.items).find((i) => i.id === itemId);
  if (!item || !modules.some((m) => m.id === moduleId)) return modules;
  return modules.map((m) => {
    const items = m.items.filter((i) => i.id !== itemId);
    if (m.id === moduleId) items.splice(clamp(position, items.length), 0, item);
    return { ...m, items };
  });
}

/** The modules with one moved to `position`; unchanged if it is unknown. */
export function moveModuleLocally<M extends { id: number }>(modules: M[], moduleId: number, position: number): M[] {
  const moving = modules.find((m) => m.id === moduleId);
  if (!moving) return modules;
  const others = modules.filter((m) => m.id !== moduleId);
  others.splice(clamp(position, others.length), 0, moving);
  return others;
}

/**
 * Where "Monter" (-1) or "Descendre" (+1) takes an item: one step in its module, or past the edge of
 * its module to the end of the previous one or the start of the next one; null at either end.
 */
export function stepTarget(modules: WithItems[], itemId: number, direction: -1 | 1): { moduleId: number; position: number } | null {
  const m = modules.findIndex((module) => module.items.some((i) => i.id === itemId));
  if (m < 0) return null;
  const index = modules[m].items.findIndex((i) => i.id === itemId);
  const next = index + direction;
  if (next >= 0 && next < modules[m].items.length) return { moduleId: modules[m].id, position: next };
  const neighbour = modules[m + direction];
  if (!neighbour) return null;
  return { moduleId: neighbour.id, position: direction === -1 ? neighbour.items.length : 0 };
}

/**
 * The position a dragged row lands at when dropped before or after `targetId` in `ids` (null: at
 * the end), counted among the rows other than the dragged one, as the server expects.
 */
export function dropPosition(ids: number[], draggedId: number, targetId: number | null, before: boolean): number {
  const others = ids.filter((id) => id !== draggedId);
  if (targetId === null || targetId === draggedId) return targetId === null ? others.length : ids.indexOf(draggedId);
  const index = others.indexOf(targetId);
  return index < 0 ? others.length : index + (before ? 0 : 1);
}

import type { FormState } from "@/lib/form-state";

/** An item as the catalogue editor shows it; `slug` is null when the fiche is unavailable to the editor. */
export type EditorItem = { id: number; titre: string; slug: string | null; note: string; duree: string };

type FormAction = (previous: FormState<unknown> | null, form: FormData) => Promise<FormState<unknown>>;

/** What a row asks of the editor; one object for every row, whose identity never changes. */
export type ItemRowHandlers = {
  step(item: EditorItem, direction: -1 | 1): void;
  /** Moves it to the end of that module; null when no module was chosen. */
  moveTo(item: EditorItem, moduleId: number | null): void;
  remove(item: EditorItem, moduleId: number): Promise<void>;
  dragStart(item: EditorItem, event: React.DragEvent<HTMLElement>): void;
  dragEnd(): void;
  dragOver(item: EditorItem, moduleId: number, event: React.DragEvent<HTMLElement>): void;
  drop(item: EditorItem, moduleId: number, event: React.DragEvent<HTMLElement>): void;
  /** Shows or hides the row's tools (move, note, remove). */
  toggleTools(item: EditorItem): void;
};

export type ItemRowProps = {
  item: EditorItem;
  moduleId: number;
  first: boolean;
  last: boolean;
  hintClass: string;
  /** Whether its tools are shown: kept by the editor, so that a row moved to another module keeps them open. */
  toolsOpen: boolean;
  updateAction: FormAction;
  handlers: ItemRowHandlers;
};

const sameItem = (a: EditorItem, b: EditorItem) => a.id === b.id && a.titre === b.titre && a.slug === b.slug && a.note === b.note && a.duree === b.duree;

/**
 * Whether a row would show the same thing with these props. A move, and the page the server sends
 * back after it, hand every row new objects: comparing what a row shows keeps React to the rows that
 * changed, instead of the whole catalogue (up to 200 rows). `updateAction` is left out: each answer
 * carries a new reference to the same action, bound to the same catalogue (an item belongs to one).
 */
export function sameItemRow(a: ItemRowProps, b: ItemRowProps): boolean {
  return (
    sameItem(a.item, b.item) &&
    a.moduleId === b.moduleId &&
    a.first === b.first &&
    a.last === b.last &&
    a.hintClass === b.hintClass &&
    a.toolsOpen === b.toolsOpen &&
    a.handlers === b.handlers
  );
}

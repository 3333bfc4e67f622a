"use client";

import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useOptimistic, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";
import { dropPosition, moveItemLocally, moveModuleLocally, stepTarget } from "@/lib/catalogue/reorder";
import type { FormState } from "@/lib/form-state";
import { CatalogueItemRow, type EditorItem, type ItemRowHandlers } from "./CatalogueItemRow";
import { CatalogueModuleTools } from "./CatalogueModuleTools";
import { ModuleChoicesContext } from "./ItemMoveTarget";
import { moduleChoicesOf, sameModuleChoices } from "./module-choices";

export type EditorModule = { id: number; titre: string; description: string; items: EditorItem[] };

type FormAction = (previous: FormState<unknown> | null, form: FormData) => Promise<FormState<unknown>>;

/** The server actions of the editor, bound to the catalogue by the page. */
export type StructureActions = {
  moveItem: (input: { itemId: number; moduleId: number; position: number }) => Promise<ActionResult<{ moduleId: number; moduleTitre: string; position: number; count: number }>>;
  moveModule: (input: { moduleId: number; position: number }) => Promise<ActionResult<{ position: number; count: number }>>;
  removeItem: (input: { itemId: number }) => Promise<ActionResult<{ titre: string }>>;
  removeModule: (input: { moduleId: number }) => Promise<ActionResult<{ titre: string }>>;
  updateItem: FormAction;
  renameModule: FormAction;
};

type Change =
  | { kind: "item"; itemId: number; moduleId: number; position: number }
  | { kind: "module"; moduleId: number; position: number }
  | { kind: "remove-item"; itemId: number }
  | { kind: "remove-module"; moduleId: number };

function applyChange(modules: EditorModule[], change: Change): EditorModule[] {
  switch (change.kind) {
    case "item":
      return moveItemLocally(modules, change.itemId, change.moduleId, change.position);
    case "module":
      return moveModuleLocally(modules, change.moduleId, change.position);
    case "remove-item":
      return modules.map((m) => ({ ...m, items: m.items.filter((i) => i.id !== change.itemId) }));
    case "remove-module":
      return modules.filter((m) => m.id !== change.moduleId);
  }
}

type DropHint = { kind: "item"; moduleId: number; targetId: number | null; before: boolean } | { kind: "module"; targetId: number; before: boolean };

const isBefore = (event: React.DragEvent<HTMLElement>) => {
  const rect = event.currentTarget.getBoundingClientRect();
  return event.clientY < rect.top + rect.height / 2;
};

/**
 * The modules of a catalogue and their fiches, reordered by drag and drop (by each row's handle)
 * or, from the keyboard, with "Monter", "Descendre" and "Déplacer vers le module". A move shows at
 * once and is undone if the server refuses it; the outcome is announced, and the focus stays on the
 * control that was used, wherever its row went.
 */
/** Fiches per module in the editor's first render, which is all the screen shows at first. */
const FIRST_RENDER_ITEMS = 4;

export function CatalogueStructureEditor({ modules, actions }: { modules: EditorModule[]; actions: StructureActions }) {
  const [shown, applyOptimistic] = useOptimistic(modules, applyChange);
  // The first render shows each module's first fiches, and React renders the others just after, in
  // the background: a copy of a 200-fiche catalogue showed its editor after building every row.
  const allItems = useDeferredValue(true, false);
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [hint, setHint] = useState<DropHint | null>(null);
  const [openTools, setOpenTools] = useState<ReadonlySet<number>>(() => new Set());
  const focusTarget = useRef<string | null>(null);
  const dragging = useRef<{ kind: "item" | "module"; id: number } | null>(null);

  // React moves rows by re-inserting DOM nodes, which drops the focus: put it back after each render.
  useLayoutEffect(() => {
    const id = focusTarget.current;
    const element = id ? document.getElementById(id) : null;
    if (element && document.activeElement !== element) element.focus();
  });
  useEffect(() => {
    if (!pending) focusTarget.current = null;
  }, [pending]);

  function run<T>(change: Change, focusId: string | null, call: () => Promise<ActionResult<T>>, describe: (data: T) => string): Promise<void> {
    setStatus(null);
    focusTarget.current = focusId;
    return new Promise((resolve) => {
      startTransition(async () => {
        applyOptimistic(change);
        const result = await call();
        setStatus(result.ok ? { ok: true, message: describe(result.data) } : { ok: false, message: result.message });
        resolve();
      });
    });
  }

  const moveItemTo = (item: EditorItem, moduleId: number, position: number, focusId: string | null) =>
    run({ kind: "item", itemId: item.id, moduleId, position }, focusId, () => actions.moveItem({ itemId: item.id, moduleId, position }), (d) =>
      `« ${item.titre} » : position ${d.position + 1} sur ${d.count} du module « ${d.moduleTitre} ».`,
    );

  const stepItem = (item: EditorItem, direction: -1 | 1) => {
    const target = stepTarget(shown, item.id, direction);
    if (!target) {
      setStatus({ ok: true, message: `« ${item.titre} » est déjà en ${direction < 0 ? "première" : "dernière"} position du catalogue.` });
      return;
    }
    void moveItemTo(item, target.moduleId, target.position, `item-${item.id}-${direction < 0 ? "up" : "down"}`);
  };

  const moveModuleTo = (module: EditorModule, position: number, focusId: string | null) =>
    run({ kind: "module", moduleId: module.id, position }, focusId, () => actions.moveModule({ moduleId: module.id, position }), (d) =>
      `Le module « ${module.titre} » est maintenant en position ${d.position + 1} sur ${d.count}.`,
    );

  const stepModule = (module: EditorModule, index: number, direction: -1 | 1) => {
    const position = index + direction;
    if (position < 0 || position >= shown.length) {
      setStatus({ ok: true, message: `Le module « ${module.titre} » est déjà en ${direction < 0 ? "première" : "dernière"} position.` });
      return;
    }
    void moveModuleTo(module, position, `module-${module.id}-${direction < 0 ? "up" : "down"}`);
  };

  const removeItem = (item: EditorItem, moduleId: number) =>
    run({ kind: "remove-item", itemId: item.id }, `module-${moduleId}-heading`, () => actions.removeItem({ itemId: item.id }), (d) => `« ${d.titre} » a été retirée du catalogue.`);

  const removeModule = (module: EditorModule, index: number) => {
    const neighbour = shown[index + 1] ?? shown[index - 1];
    return run({ kind: "remove-module", moduleId: module.id }, neighbour ? `module-${neighbour.id}-heading` : "titre-structure", () => actions.removeModule({ moduleId: module.id }), (d) =>
      `Le module « ${d.titre} » a été supprimé.`,
    );
  };

  const endDrag = () => {
    dragging.current = null;
    setHint(null);
  };

  const dropItem = (moduleId: number, targetId: number | null, before: boolean) => {
    const dragged = dragging.current;
    endDrag();
    if (dragged?.kind !== "item") return;
    const item = shown.flatMap((m) => m.items).find((i) => i.id === dragged.id);
    const target = shown.find((m) => m.id === moduleId);
    if (!item || !target) return;
    const ids = target.items.map((i) => i.id);
    const position = dropPosition(ids, item.id, targetId, before);
    if (ids.indexOf(item.id) === position) return;
    void moveItemTo(item, moduleId, position, null);
  };

  const dropModule = (targetId: number, before: boolean) => {
    const dragged = dragging.current;
    endDrag();
    const moved = shown.find((m) => m.id === dragged?.id);
    if (dragged?.kind !== "module" || !moved) return;
    const ids = shown.map((m) => m.id);
    const position = dropPosition(ids, moved.id, targetId, before);
    if (ids.indexOf(moved.id) !== position) void moveModuleTo(moved, position, null);
  };

  const startDrag = (kind: "item" | "module", id: number, label: string) => (event: React.DragEvent<HTMLElement>) => {
    dragging.current = { kind, id };
    event.dataTransfer.effectAllowed = "move";
    // Firefox starts a drag only with some data; the row, not the handle, is what is seen moving.
    event.dataTransfer.setData("text/plain", label);
    const row = event.currentTarget.closest("li");
    if (row) event.dataTransfer.setDragImage(row, 16, 16);
  };

  // The rows are memoised (see CatalogueItemRow): they get one handlers object for good, which calls
  // this render's functions, so that a move re-renders the rows it changed and not every other one.
  const latest = useRef({ stepItem, moveItemTo, removeItem, removeModule, dropItem, shown });
  useLayoutEffect(() => {
    latest.current = { stepItem, moveItemTo, removeItem, removeModule, dropItem, shown };
  });
  const rowHandlers = useMemo<ItemRowHandlers>(
    () => ({
      step: (item, direction) => latest.current.stepItem(item, direction),
      moveTo: (item, moduleId) => {
        const target = moduleId === null ? undefined : latest.current.shown.find((other) => other.id === moduleId);
        if (target) void latest.current.moveItemTo(item, target.id, target.items.length, `item-${item.id}-target`);
        else setStatus({ ok: false, message: `Choisissez d'abord le module où déplacer « ${item.titre} ».` });
      },
      remove: (item, moduleId) => latest.current.removeItem(item, moduleId),
      dragStart: (item, event) => startDrag("item", item.id, item.titre)(event),
      dragEnd: endDrag,
      dragOver: (item, moduleId, event) => {
        if (dragging.current?.kind !== "item") return;
        event.preventDefault();
        event.stopPropagation();
        const before = isBefore(event);
        setHint((h) => (h?.kind === "item" && h.targetId === item.id && h.before === before ? h : { kind: "item", moduleId, targetId: item.id, before }));
      },
      drop: (item, moduleId, event) => {
        if (dragging.current?.kind !== "item") return;
        event.preventDefault();
        event.stopPropagation();
        latest.current.dropItem(moduleId, item.id, isBefore(event));
      },
      toggleTools: (item) =>
        setOpenTools((open) => {
          const next = new Set(open);
          if (!next.delete(item.id)) next.add(item.id);
          return next;
        }),
    }),
    [],
  );
  const removeModuleById = useCallback((moduleId: number) => {
    const index = latest.current.shown.findIndex((m) => m.id === moduleId);
    return index < 0 ? Promise.resolve() : latest.current.removeModule(latest.current.shown[index], index);
  }, []);
  // The same list object as long as the modules' titles and order stay: the 200 lists reading it re-render only then.
  const [choices, setChoices] = useState(() => moduleChoicesOf(shown));
  const nextChoices = moduleChoicesOf(shown);
  if (!sameModuleChoices(choices, nextChoices)) setChoices(nextChoices);

  const hintClass = (kind: DropHint["kind"], targetId: number | null, moduleId?: number) =>
    hint && hint.kind === kind && hint.targetId === targetId && (hint.kind === "module" || hint.moduleId === moduleId) ? (hint.before ? " is-drop-before" : " is-drop-after") : "";

  return (
    <ModuleChoicesContext value={choices}>
      <div className="catalogue-structure">
        <p className="hint">
          Pour réordonner, glissez-déposez un module ou une fiche par sa poignée (⠿). Au clavier, le bouton « Options » d&apos;une
          fiche donne « Monter », « Descendre » et « Déplacer vers le module », ainsi que sa note et son retrait.
        </p>
        <p role="status" className="catalogue-structure__status">
          {status?.ok ? status.message : ""}
        </p>
        <div role="alert">{status && !status.ok && <p className="alert alert--error">{status.message}</p>}</div>
        {shown.length === 0 ? (
          <p className="muted">Ce catalogue n&apos;a pas encore de module : ajoutez le premier ci-dessous.</p>
        ) : (
          <ol className="catalogue-modules" aria-busy={pending}>
            {shown.map((module, m) => (
              <li
                key={module.id}
                className={`catalogue-module${hintClass("module", module.id)}`}
                onDragOver={(event) => {
                  if (dragging.current?.kind !== "module") return;
                  event.preventDefault();
                  const before = isBefore(event);
                  setHint((h) => (h?.kind === "module" && h.targetId === module.id && h.before === before ? h : { kind: "module", targetId: module.id, before }));
                }}
                onDrop={(event) => {
                  if (dragging.current?.kind !== "module") return;
                  event.preventDefault();
                  dropModule(module.id, isBefore(event));
                }}
              >
                <section aria-labelledby={`module-${module.id}-heading`}>
                  <div className="catalogue-module__header">
                    <span className="drag-handle" draggable aria-hidden="true" title="Glisser pour déplacer le module" onDragStart={startDrag("module", module.id, module.titre)} onDragEnd={endDrag}>
                      ⠿
                    </span>
                    <h3 id={`module-${module.id}-heading`} tabIndex={-1}>
                      <span className="catalogue-module__number">Module {m + 1}</span> {module.titre}
                    </h3>
                  </div>
                  {module.description && <p className="pre-line">{module.description}</p>}
                  <div className="actions catalogue-move">
                    <button type="button" id={`module-${module.id}-up`} className="button--secondary" aria-disabled={m === 0} onClick={() => stepModule(module, m, -1)}>
                      <span aria-hidden="true">↑</span> Monter le module<span className="visually-hidden"> {module.titre}</span>
                    </button>
                    <button type="button" id={`module-${module.id}-down`} className="button--secondary" aria-disabled={m === shown.length - 1} onClick={() => stepModule(module, m, 1)}>
                      <span aria-hidden="true">↓</span> Descendre le module<span className="visually-hidden"> {module.titre}</span>
                    </button>
                  </div>
                  <CatalogueModuleTools
                    module={{ id: module.id, titre: module.titre, description: module.description, itemCount: module.items.length }}
                    renameAction={actions.renameModule}
                    onRemove={removeModuleById}
                  />
                  <ol
                    className={`catalogue-items${hintClass("item", null, module.id)}`}
                    onDragOver={(event) => {
                      if (dragging.current?.kind !== "item") return;
                      event.preventDefault();
                      setHint((h) => (h?.kind === "item" && h.moduleId === module.id && h.targetId === null ? h : { kind: "item", moduleId: module.id, targetId: null, before: false }));
                    }}
                    onDrop={(event) => {
                      if (dragging.current?.kind !== "item") return;
                      event.preventDefault();
                      dropItem(module.id, null, false);
                    }}
                  >
                    {(allItems ? module.items : module.items.slice(0, FIRST_RENDER_ITEMS)).map((item, i) => (
                      <CatalogueItemRow
                        key={item.id}
                        item={item}
                        moduleId={module.id}
                        first={m === 0 && i === 0}
                        last={m === shown.length - 1 && i === module.items.length - 1}
                        hintClass={hintClass("item", item.id, module.id)}
                        toolsOpen={openTools.has(item.id)}
                        updateAction={actions.updateItem}
                        handlers={rowHandlers}
                      />
                    ))}
                  </ol>
                  {module.items.length === 0 && <p className="muted">Aucune fiche dans ce module : ajoutez-en une ci-dessous, ou déposez-en une ici.</p>}
                </section>
              </li>
            ))}
          </ol>
        )}
      </div>
    </ModuleChoicesContext>
  );
}

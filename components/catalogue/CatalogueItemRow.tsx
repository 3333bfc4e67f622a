"use client";

import { Link } from "@/components/ui/Link";
import { memo, useActionState, useState } from "react";
import { ConfirmSubmit } from "@/components/admin/ConfirmSubmit";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import { textValue } from "@/lib/form-state";
import { TextArea, TextField } from "@/components/ui/Field";
import { ItemMoveTarget } from "./ItemMoveTarget";
import { sameItemRow, type EditorItem, type ItemRowProps } from "./item-row-props";

export type { EditorItem, ItemRowHandlers } from "./item-row-props";

function ItemNoteForm({ item, action }: { item: EditorItem; action: ItemRowProps["updateAction"] }) {
  const [state, formAction] = useActionState(action, null);
  const values = state && !state.ok ? state.values : { note: item.note, duree: item.duree };
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const id = `item-${item.id}`;
  return (
    <form key={state?.submission ?? 0} action={formAction} className="form catalogue-item__form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="itemId" value={item.id} />
      <TextArea id={`${id}-note`} name="note" label={<>Note du formateur<span className="visually-hidden"> sur {item.titre}</span></>} rows={3} errors={errors} defaultValue={textValue(values, "note")} hint="Pourquoi cette fiche, comment l'utiliser en formation." />
      <TextField id={`${id}-duree`} name="duree" label={<>Durée<span className="visually-hidden"> de {item.titre}</span></>} errors={errors} defaultValue={textValue(values, "duree")} hint="Par exemple « 45 min »." />
      <div className="actions">
        <SubmitButton>
          Enregistrer la note<span className="visually-hidden"> de {item.titre}</span>
        </SubmitButton>
      </div>
    </form>
  );
}

/** The tools of one row: move it by the keyboard, annotate it, remove it. Built only when opened. */
function ItemTools({ item, moduleId, first, last, updateAction, handlers }: Omit<ItemRowProps, "hintClass" | "toolsOpen">) {
  // The note's form is built when it is opened, like the tools themselves.
  const [editing, setEditing] = useState(false);
  const id = `item-${item.id}`;
  return (
    <div id={`${id}-tools`} className="catalogue-item__tools">
      <div className="actions catalogue-move">
        <button type="button" id={`${id}-up`} className="button--secondary" aria-disabled={first} onClick={() => handlers.step(item, -1)}>
          <span aria-hidden="true">↑</span> Monter<span className="visually-hidden"> {item.titre}</span>
        </button>
        <button type="button" id={`${id}-down`} className="button--secondary" aria-disabled={last} onClick={() => handlers.step(item, 1)}>
          <span aria-hidden="true">↓</span> Descendre<span className="visually-hidden"> {item.titre}</span>
        </button>
        <ItemMoveTarget itemId={item.id} titre={item.titre} moduleId={moduleId} onMove={(target) => handlers.moveTo(item, target)} />
      </div>
      <details className="catalogue-item__details" onToggle={(event) => setEditing(event.currentTarget.open)}>
        <summary>
          Modifier la note et la durée<span className="visually-hidden"> de {item.titre}</span>
        </summary>
        {editing && <ItemNoteForm item={item} action={updateAction} />}
      </details>
      <form action={() => handlers.remove(item, moduleId)} className="catalogue-item__remove">
        <ConfirmSubmit question={`Retirer « ${item.titre} » du catalogue ? Votre note sur cette fiche sera perdue.`} confirm="Oui, retirer la fiche">
          Retirer<span className="visually-hidden"> {item.titre}</span>
        </ConfirmSubmit>
      </form>
    </div>
  );
}

/**
 * One fiche of a module in the editor: its handle, its title and note, and a button that shows its
 * tools. Closed, a row is a dozen elements (the button's chevron is CSS, not an icon's SVG): a catalogue of 200 fiches opens, and re-renders after a
 * move, as fast as one of 20 (with every row's tools built, it took half a second).
 */
export const CatalogueItemRow = memo(function CatalogueItemRow({ item, moduleId, first, last, hintClass, toolsOpen, updateAction, handlers }: ItemRowProps) {
  const id = `item-${item.id}`;
  return (
    <li className={`catalogue-item${hintClass}`} onDragOver={(event) => handlers.dragOver(item, moduleId, event)} onDrop={(event) => handlers.drop(item, moduleId, event)}>
      <div className="catalogue-item__header">
        <span
          className="drag-handle"
          draggable
          aria-hidden="true"
          title="Glisser pour déplacer la fiche"
          onDragStart={(event) => handlers.dragStart(item, event)}
          onDragEnd={handlers.dragEnd}
        >
          ⠿
        </span>
        <h4 className="catalogue-item__titre">{item.slug ? <Link href={`/fiches/${item.slug}`}>{item.titre}</Link> : item.titre}</h4>
        <button
          type="button"
          id={`${id}-tools-toggle`}
          className="button--secondary catalogue-item__toggle"
          aria-expanded={toolsOpen}
          aria-controls={toolsOpen ? `${id}-tools` : undefined}
          onClick={() => handlers.toggleTools(item)}
        >
          Options<span className="visually-hidden"> de {item.titre}</span>
        </button>
      </div>
      {!item.slug && <p className="muted">Cette fiche est en brouillon ou a été retirée par la modération : elle n&apos;apparaît pas aux lecteurs.</p>}
      {(item.duree || item.note) && (
        <p className="muted pre-line">{[item.duree ? `Durée : ${item.duree}` : null, item.note ? `Note : ${item.note}` : null].filter(Boolean).join(" · ")}</p>
      )}
      {toolsOpen && <ItemTools item={item} moduleId={moduleId} first={first} last={last} updateAction={updateAction} handlers={handlers} />}
    </li>
  );
}, sameItemRow);

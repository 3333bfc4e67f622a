"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { ConfirmSubmit } from "@/components/admin/ConfirmSubmit";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import { textValue, type FormState } from "@/lib/form-state";
import { TextArea, TextField } from "@/components/ui/Field";

/** An item as the editor shows it; `slug` is null when the fiche is unavailable to the editor. */
export type EditorItem = { id: number; titre: string; slug: string | null; note: string; duree: string };

type FormAction = (previous: FormState<unknown> | null, form: FormData) => Promise<FormState<unknown>>;
type DragHandler = (event: React.DragEvent<HTMLElement>) => void;

function ItemNoteForm({ item, action }: { item: EditorItem; action: FormAction }) {
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

/** One fiche of a module in the editor: its handle, its note, and the keyboard ways to move or remove it. */
export function CatalogueItemRow({
  item,
  first,
  last,
  modules,
  hintClass,
  updateAction,
  onStep,
  onMoveTo,
  onRemove,
  onDragStart,
  onDragEnd,
  onDragOver,
  onDrop,
}: {
  item: EditorItem;
  first: boolean;
  last: boolean;
  /** The other modules, where "Déplacer vers le module" may send it. */
  modules: { id: number; titre: string }[];
  hintClass: string;
  updateAction: FormAction;
  onStep: (direction: -1 | 1) => void;
  /** Moves it to the end of that module; null when no module was chosen. */
  onMoveTo: (moduleId: number | null) => void;
  onRemove: () => Promise<void>;
  onDragStart: DragHandler;
  onDragEnd: DragHandler;
  onDragOver: DragHandler;
  onDrop: DragHandler;
}) {
  const [target, setTarget] = useState("");
  const id = `item-${item.id}`;
  return (
    <li className={`catalogue-item${hintClass}`} onDragOver={onDragOver} onDrop={onDrop}>
      <div className="catalogue-item__header">
        <span className="drag-handle" draggable aria-hidden="true" title="Glisser pour déplacer la fiche" onDragStart={onDragStart} onDragEnd={onDragEnd}>
          ⠿
        </span>
        <h4 className="catalogue-item__titre">{item.slug ? <Link href={`/fiches/${item.slug}`}>{item.titre}</Link> : item.titre}</h4>
      </div>
      {!item.slug && <p className="muted">Cette fiche est en brouillon ou a été retirée par la modération : elle n&apos;apparaît pas aux lecteurs.</p>}
      {(item.duree || item.note) && (
        <p className="muted pre-line">{[item.duree ? `Durée : ${item.duree}` : null, item.note ? `Note : ${item.note}` : null].filter(Boolean).join(" · ")}</p>
      )}
      <div className="actions catalogue-move">
        <button type="button" id={`${id}-up`} className="button--secondary" aria-disabled={first} onClick={() => onStep(-1)}>
          <span aria-hidden="true">↑</span> Monter<span className="visually-hidden"> {item.titre}</span>
        </button>
        <button type="button" id={`${id}-down`} className="button--secondary" aria-disabled={last} onClick={() => onStep(1)}>
          <span aria-hidden="true">↓</span> Descendre<span className="visually-hidden"> {item.titre}</span>
        </button>
        {modules.length > 0 && (
          <span className="catalogue-move__target">
            <label htmlFor={`${id}-target`}>
              Déplacer<span className="visually-hidden"> {item.titre}</span> vers le module
            </label>
            <select id={`${id}-target`} value={target} onChange={(event) => setTarget(event.target.value)}>
              <option value="">Choisir un module</option>
              {modules.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.titre}
                </option>
              ))}
            </select>
            <button type="button" className="button--secondary" onClick={() => onMoveTo(target ? Number(target) : null)} aria-disabled={target === ""}>
              Déplacer<span className="visually-hidden"> {item.titre}</span>
            </button>
          </span>
        )}
      </div>
      <details className="catalogue-item__details">
        <summary>
          Modifier la note et la durée<span className="visually-hidden"> de {item.titre}</span>
        </summary>
        <ItemNoteForm item={item} action={updateAction} />
      </details>
      <form action={onRemove} className="catalogue-item__remove">
        <ConfirmSubmit question={`Retirer « ${item.titre} » du catalogue ? Votre note sur cette fiche sera perdue.`} confirm="Oui, retirer la fiche">
          Retirer<span className="visually-hidden"> {item.titre}</span>
        </ConfirmSubmit>
      </form>
    </li>
  );
}

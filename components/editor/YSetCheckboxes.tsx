"use client";

import type * as Y from "yjs";
import { useSharedValue } from "./shared-value";

type Option = { id: number; label: string; description?: string };

function readKeys(map: Y.Map<true>): Set<string> {
  return new Set(map.keys());
}

type Props = {
  /** Null until the fiche's document exists (see useFicheSession). */
  map: Y.Map<true> | null;
  initialIds: number[];
  id: string;
  legend: string;
  hint?: string;
  options: Option[];
  disabled?: boolean;
};

/** A fieldset of checkboxes bound to a set of ids (a Y.Map id → true) of the fiche's document. */
export function YSetCheckboxes({ map, initialIds, id, legend, hint, options, disabled }: Props) {
  const [selected, change] = useSharedValue(map, readKeys, new Set(initialIds.map(String)));

  const toggle = (key: string, checked: boolean) => {
    const next = new Set(selected);
    if (checked) next.add(key);
    else next.delete(key);
    change((m) => (checked ? m.set(key, true) : m.delete(key)), next);
  };

  return (
    <fieldset className="field" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <ul className="checkbox-list">
        {options.map((option) => {
          const key = String(option.id);
          return (
            <li key={key}>
              <label>
                <input type="checkbox" name={id} value={key} checked={selected.has(key)} disabled={disabled} onChange={(e) => toggle(key, e.target.checked)} />
                {option.label}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

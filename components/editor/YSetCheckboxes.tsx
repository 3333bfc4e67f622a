"use client";

import { useEffect, useState } from "react";
import type * as Y from "yjs";

type Option = { id: number; label: string; description?: string };

/** A fieldset of checkboxes bound to a set of ids (a Y.Map id → true) of the fiche's document. */
export function YSetCheckboxes({ map, id, legend, hint, options, disabled }: { map: Y.Map<true>; id: string; legend: string; hint?: string; options: Option[]; disabled?: boolean }) {
  const [selected, setSelected] = useState<Set<string>>(() => new Set(map.keys()));
  useEffect(() => {
    const refresh = () => setSelected(new Set(map.keys()));
    refresh();
    map.observe(refresh);
    return () => map.unobserve(refresh);
  }, [map]);

  const toggle = (key: string, checked: boolean) => {
    if (checked) map.set(key, true);
    else map.delete(key);
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

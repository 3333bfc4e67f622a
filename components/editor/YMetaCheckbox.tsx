"use client";

import { useCallback } from "react";
import type * as Y from "yjs";
import { useSharedValue } from "./shared-value";

type Props = {
  /** Null until the fiche's document exists (see useFicheSession). */
  meta: Y.Map<unknown> | null;
  field: string;
  initialChecked: boolean;
  id: string;
  label: string;
  hint?: string;
  disabled?: boolean;
};

/** A checkbox bound to a true/absent key of the document's meta map (absent when unchecked). */
export function YMetaCheckbox({ meta, field, initialChecked, id, label, hint, disabled }: Props) {
  const read = useCallback((m: Y.Map<unknown>) => m.get(field) === true, [field]);
  const [checked, change] = useSharedValue(meta, read, initialChecked);
  return (
    <div className="field">
      <label className="checkbox-label">
        <input
          type="checkbox"
          id={id}
          checked={checked}
          disabled={disabled}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(e) => {
            const next = e.target.checked;
            change((m) => (next ? m.set(field, true) : m.delete(field)), next);
          }}
        />{" "}
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

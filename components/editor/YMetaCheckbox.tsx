"use client";

import { useEffect, useState } from "react";
import type * as Y from "yjs";

/** A checkbox bound to a true/absent key of the document's meta map (absent when unchecked). */
export function YMetaCheckbox({ meta, field, id, label, hint, disabled }: { meta: Y.Map<unknown>; field: string; id: string; label: string; hint?: string; disabled?: boolean }) {
  const [checked, setChecked] = useState(() => meta.get(field) === true);
  useEffect(() => {
    const refresh = () => setChecked(meta.get(field) === true);
    refresh();
    meta.observe(refresh);
    return () => meta.unobserve(refresh);
  }, [meta, field]);
  return (
    <div className="field">
      <label className="checkbox-label">
        <input
          type="checkbox"
          id={id}
          checked={checked}
          disabled={disabled}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(e) => (e.target.checked ? meta.set(field, true) : meta.delete(field))}
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

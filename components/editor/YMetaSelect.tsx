"use client";

import { useCallback } from "react";
import type * as Y from "yjs";
import { useSharedValue } from "./shared-value";

type Option = { value: string | number; label: string };

type Props = {
  /** Null until the fiche's document exists (see useFicheSession). */
  meta: Y.Map<unknown> | null;
  field: string;
  initialValue: string | number | null;
  id: string;
  label: string;
  options: Option[];
  emptyLabel: string;
  disabled?: boolean;
};

function optionOf(value: unknown, options: Option[]): string {
  return options.some((o) => o.value === value) ? String(value) : "";
}

/** A select bound to one key of the document's meta map; choosing the empty option removes the key. */
export function YMetaSelect({ meta, field, initialValue, id, label, options, emptyLabel, disabled }: Props) {
  const read = useCallback((m: Y.Map<unknown>) => optionOf(m.get(field), options), [field, options]);
  const [value, change] = useSharedValue(meta, read, optionOf(initialValue, options));

  const choose = (next: string) => {
    const option = options.find((o) => String(o.value) === next);
    change((m) => (option ? m.set(field, option.value) : m.delete(field)), option ? next : "");
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => choose(e.target.value)}>
        <option value="">{emptyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

"use client";

import { useEffect, useState } from "react";
import type * as Y from "yjs";

type Props = {
  meta: Y.Map<unknown>;
  field: string;
  id: string;
  label: string;
  options: { value: string | number; label: string }[];
  emptyLabel: string;
  disabled?: boolean;
};

function readOption(meta: Y.Map<unknown>, field: string, options: Props["options"]): string {
  const value = meta.get(field);
  return options.some((o) => o.value === value) ? String(value) : "";
}

/** A select bound to one key of the document's meta map; choosing the empty option removes the key. */
export function YMetaSelect({ meta, field, id, label, options, emptyLabel, disabled }: Props) {
  const [value, setValue] = useState(() => readOption(meta, field, options));
  useEffect(() => {
    const refresh = () => setValue(readOption(meta, field, options));
    refresh();
    meta.observe(refresh);
    return () => meta.unobserve(refresh);
  }, [meta, field, options]);

  const change = (next: string) => {
    const option = options.find((o) => String(o.value) === next);
    if (option) meta.set(field, option.value);
    else meta.delete(field);
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => change(e.target.value)}>
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

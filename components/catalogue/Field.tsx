import type { ChangeEvent, ReactNode } from "react";

/**
 * A labelled input or textarea with an explicit id: the editor shows many forms with the same
 * field names (one per module and per fiche), where components/form's champ-<name> ids would clash.
 */
export function Field({
  id,
  name,
  label,
  errors,
  hint,
  defaultValue,
  value,
  onChange,
  required,
  rows,
}: {
  id: string;
  name: string;
  label: ReactNode;
  errors?: Record<string, string[]>;
  hint?: ReactNode;
  defaultValue?: string;
  /** A controlled field: its value, and what to do with each change (instead of defaultValue). */
  value?: string;
  onChange?: (value: string) => void;
  required?: boolean;
  /** A textarea of this many rows; an input when absent. */
  rows?: number;
}) {
  const error = errors?.[name];
  const describedBy = [hint ? `${id}-hint` : null, error?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    ...(value === undefined ? { defaultValue } : { value, onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange?.(event.target.value) }),
    required,
    "aria-invalid": error?.length ? true : undefined,
    "aria-describedby": describedBy,
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? " (obligatoire)" : ""}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {rows ? <textarea rows={rows} {...common} /> : <input type="text" {...common} />}
      {error?.length ? (
        <p id={`${id}-error`} className="field-error">
          {error.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

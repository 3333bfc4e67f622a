import type { ReactNode } from "react";

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
  required,
  rows,
}: {
  id: string;
  name: string;
  label: ReactNode;
  errors?: Record<string, string[]>;
  hint?: ReactNode;
  defaultValue?: string;
  required?: boolean;
  /** A textarea of this many rows; an input when absent. */
  rows?: number;
}) {
  const error = errors?.[name];
  const describedBy = [hint ? `${id}-hint` : null, error?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    defaultValue,
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

import type { ReactNode } from "react";

type Props = {
  /** Unique in the page: admin pages repeat the same form once per item. */
  id: string;
  name: string;
  label: string;
  errors?: Record<string, string[]>;
  hint?: ReactNode;
  defaultValue?: string;
  required?: boolean;
  multiline?: boolean;
  type?: "text" | "number";
  maxLength?: number;
  /** Lines of a multiline field. */
  rows?: number;
};

/** A labelled input or textarea whose hint and errors are announced with it. */
export function AdminField({ id, name, label, errors, hint, defaultValue, required, multiline, type = "text", maxLength, rows = 2 }: Props) {
  const error = errors?.[name];
  const describedBy = [hint ? `${id}-hint` : null, error?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    defaultValue,
    required,
    maxLength,
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
      {multiline ? <textarea rows={rows} {...common} /> : <input type={type} inputMode={type === "number" ? "numeric" : undefined} min={type === "number" ? 1 : undefined} {...common} />}
      {error?.length ? (
        <p id={`${id}-error`} className="field-error">
          {error.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

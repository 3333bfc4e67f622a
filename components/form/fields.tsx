import type { ReactNode } from "react";

type Errors = Record<string, string[]> | undefined;

function describedBy(id: string, hint?: ReactNode, error?: string[]) {
  return [hint ? `${id}-hint` : null, error?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      {errors.join(" ")}
    </p>
  );
}

type TextFieldProps = {
  name: string;
  label: string;
  errors?: Errors;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "url" | "tel" | "number" | "search";
  defaultValue?: string | number | null;
  required?: boolean;
  autoComplete?: string;
  inputMode?: "numeric" | "decimal" | "text";
  step?: string;
};

/** A labelled input whose hint and errors are announced with it. */
export function TextField({ name, label, errors, hint, type = "text", defaultValue, required, autoComplete, inputMode, step }: TextFieldProps) {
  const id = `champ-${name}`;
  const error = errors?.[name];
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
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue ?? undefined}
        required={required}
        autoComplete={autoComplete}
        inputMode={inputMode}
        step={step}
        aria-invalid={error?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <FieldError id={id} errors={error} />
    </div>
  );
}

/** A labelled multi-line input. */
export function TextArea({ name, label, errors, hint, defaultValue, required, rows = 5 }: Omit<TextFieldProps, "type"> & { rows?: number }) {
  const id = `champ-${name}`;
  const error = errors?.[name];
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
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue ?? undefined}
        required={required}
        aria-invalid={error?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <FieldError id={id} errors={error} />
    </div>
  );
}

/** A labelled select among given options. */
export function SelectField({
  name,
  label,
  errors,
  hint,
  options,
  defaultValue,
  required,
  emptyLabel,
}: Omit<TextFieldProps, "type"> & { options: { value: string; label: string }[]; emptyLabel?: string }) {
  const id = `champ-${name}`;
  const error = errors?.[name];
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
      <select
        id={id}
        name={name}
        defaultValue={defaultValue == null ? "" : String(defaultValue)}
        required={required}
        aria-invalid={error?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={id} errors={error} />
    </div>
  );
}

/** A group of checkboxes in a fieldset with its legend: the accessible multi-select. */
export function CheckboxGroup({
  name,
  legend,
  errors,
  hint,
  options,
  defaultValues = [],
}: {
  name: string;
  legend: string;
  errors?: Errors;
  hint?: ReactNode;
  options: { value: string; label: string }[];
  defaultValues?: string[];
}) {
  const id = `champ-${name}`;
  const error = errors?.[name];
  return (
    <fieldset className="field" aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <ul className="checkbox-list">
        {options.map((o, i) => (
          <li key={o.value}>
            <label>
              <input type="checkbox" name={name} value={o.value} id={`${id}-${i}`} defaultChecked={defaultValues.includes(o.value)} />
              {o.label}
            </label>
          </li>
        ))}
      </ul>
      <FieldError id={id} errors={error} />
    </fieldset>
  );
}

/** The outcome of a submitted form, announced to screen readers. */
export function FormMessage({ state }: { state: { ok: boolean; message?: string } | null }) {
  if (!state?.message) return null;
  return (
    <div role={state.ok ? "status" : "alert"} className={`alert ${state.ok ? "alert--success" : "alert--error"}`}>
      {state.message}
    </div>
  );
}

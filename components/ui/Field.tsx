import type { ChangeEvent, ReactNode } from "react";
import styles from "./Field.module.css";

type Errors = Record<string, string[]> | undefined;

/** What the shell gives its control so that the label, hint and errors are announced with it. */
export type ControlProps = {
  id: string;
  required?: boolean;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

type ShellProps = {
  /** The control's id; the hint and the error take it as a prefix. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
  /** A fieldset whose legend names a group of controls (checkboxes, radios) instead of a label. */
  group?: boolean;
  /** For a label that the context already makes visible, such as a search box beside its button. */
  labelHidden?: boolean;
  /** Replaces the "field" class, for a shell laid out by its container. */
  className?: string;
  children: (control: ControlProps) => ReactNode;
};

/**
 * The one labelled field shell: the label (or legend) with the required marker, the hint and the
 * error messages, tied to the control by aria-describedby and aria-invalid.
 */
export function Field({ id, label, hint, errors, required, group, labelHidden, className = "field", children }: ShellProps) {
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const name = (
    <>
      {label}
      {required ? <span className={styles.required}> (obligatoire)</span> : null}
    </>
  );
  const details = hint ? (
    <p id={`${id}-hint`} className="hint">
      {hint}
    </p>
  ) : null;
  const error = invalid ? (
    <p id={`${id}-error`} className="field-error">
      {errors!.join(" ")}
    </p>
  ) : null;

  if (group) {
    return (
      <fieldset className={className} aria-describedby={describedBy}>
        <legend className={labelHidden ? "visually-hidden" : undefined}>{name}</legend>
        {details}
        {children({ id })}
        {error}
      </fieldset>
    );
  }
  return (
    <div className={className}>
      <label htmlFor={id} className={labelHidden ? "visually-hidden" : undefined}>
        {name}
      </label>
      {details}
      {children({ id, required, "aria-invalid": invalid ? true : undefined, "aria-describedby": describedBy })}
      {error}
    </div>
  );
}

type CommonProps = {
  name: string;
  label: ReactNode;
  /** A form's field errors, by field name. */
  errors?: Errors;
  hint?: ReactNode;
  /** Unique in the page; champ-<name> by default, which an error summary links to. */
  id?: string;
  required?: boolean;
  defaultValue?: string | number | null;
  /** A controlled field: its value, and what to do with each change (instead of defaultValue). */
  value?: string;
  onChange?: (value: string) => void;
  maxLength?: number;
};

function valueProps({ defaultValue, value, onChange }: Pick<CommonProps, "defaultValue" | "value" | "onChange">) {
  if (value === undefined) return { defaultValue: defaultValue ?? undefined };
  return { value, onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange?.(event.target.value) };
}

/** A labelled input. */
export function TextField({
  type = "text",
  autoComplete,
  inputMode,
  step,
  min,
  ...props
}: CommonProps & {
  type?: "text" | "email" | "password" | "url" | "tel" | "number" | "search";
  autoComplete?: string;
  inputMode?: "numeric" | "decimal" | "text";
  step?: string;
  min?: number;
}) {
  const { name, label, errors, hint, id = `champ-${name}`, required, maxLength } = props;
  return (
    <Field id={id} label={label} hint={hint} errors={errors?.[name]} required={required}>
      {(control) => <input {...control} name={name} type={type} autoComplete={autoComplete} inputMode={inputMode} step={step} min={min} maxLength={maxLength} {...valueProps(props)} />}
    </Field>
  );
}

/** A labelled multi-line input. */
export function TextArea({ rows = 5, ...props }: CommonProps & { rows?: number }) {
  const { name, label, errors, hint, id = `champ-${name}`, required, maxLength } = props;
  return (
    <Field id={id} label={label} hint={hint} errors={errors?.[name]} required={required}>
      {(control) => <textarea {...control} name={name} rows={rows} maxLength={maxLength} {...valueProps(props)} />}
    </Field>
  );
}

/** A labelled select among given options. */
export function SelectField({
  name,
  label,
  errors,
  hint,
  id = `champ-${name}`,
  options,
  defaultValue,
  required,
  emptyLabel,
}: Omit<CommonProps, "value" | "onChange" | "maxLength"> & { options: { value: string; label: string }[]; emptyLabel?: string }) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors?.[name]} required={required}>
      {(control) => (
        <select {...control} name={name} defaultValue={defaultValue == null ? "" : String(defaultValue)}>
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
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
  return (
    <Field id={`champ-${name}`} label={legend} hint={hint} errors={errors?.[name]} group>
      {({ id }) => (
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
      )}
    </Field>
  );
}

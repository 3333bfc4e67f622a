import Form from "next/form";
import type { ReactNode } from "react";
import { ErrorSummary } from "@/components/form/ErrorSummary";
import type { OrientationAnswers, OrientationStep } from "@/lib/schemas/orientation";
import { answersExcept } from "@/lib/orientation/url";
import { HiddenAnswers } from "./HiddenAnswers";

type Props = {
  step: OrientationStep;
  next: OrientationStep;
  answers: OrientationAnswers;
  errors: Record<string, string[]>;
  labels: Record<string, string>;
  targets?: Record<string, string>;
  submitLabel: string;
  children: ReactNode;
};

/**
 * One step of the orientation: a GET form to the next step, carrying the other steps' answers, so
 * that each step is a URL and works without JavaScript.
 */
export function StepForm({ step, next, answers, errors, labels, targets, submitLabel, children }: Props) {
  const failed = Object.keys(errors).length > 0;
  return (
    <Form action="/orientation" className="form form--wide orientation-form">
      <ErrorSummary state={failed ? { ok: false, message: "Un choix est à corriger.", fieldErrors: errors } : null} labels={labels} targets={targets} />
      <input type="hidden" name="etape" value={next} />
      <HiddenAnswers answers={answersExcept(answers, step)} />
      {children}
      <div className="actions">
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}

/** A group of radio buttons or checkboxes in a fieldset, with its error announced with it. */
export function ChoiceGroup({
  type,
  name,
  legend,
  hint,
  options,
  checked,
  errors,
  firstIndex = 0,
}: {
  type: "radio" | "checkbox";
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  checked: string[];
  errors?: string[];
  firstIndex?: number;
}) {
  const id = `champ-${name}`;
  const describedBy = [hint ? `${id}-${firstIndex}-hint` : null, errors?.length ? `${id}-${firstIndex}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset className="field" aria-describedby={describedBy || undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-${firstIndex}-hint`} className="hint">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-${firstIndex}-error`} className="field-error">
          {errors.join(" ")}
        </p>
      ) : null}
      <ul className="checkbox-list">
        {options.map((o, i) => (
          <li key={o.value}>
            <label>
              <input type={type} name={name} value={o.value} id={`${id}-${firstIndex + i}`} defaultChecked={checked.includes(o.value)} />
              {o.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

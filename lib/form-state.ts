import type { ActionResult } from "./action-result";

export type FormValues = Record<string, string | string[]>;

/**
 * What a form's server action returns: the mutation's result, what was typed (so that a refused
 * form shows it again) and a submission counter, used as the form's key so that every field is
 * re-created with those values; React's automatic form reset cannot then bring back older ones.
 */
export type FormState<T = undefined> = ActionResult<T> & { values: FormValues; submission: number };

/** Wraps a mutation's result for a form; errors on "services.2" are shown on "services". */
export function toFormState<T>(result: ActionResult<T>, input: Record<string, unknown>, previous: { submission: number } | null): FormState<T> {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === "string") values[key] = value;
    else if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === "string");
  }
  const submission = (previous?.submission ?? 0) + 1;
  if (result.ok || !result.fieldErrors) return { ...result, values, submission };
  const fieldErrors: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(result.fieldErrors)) {
    const field = key.split(".")[0];
    fieldErrors[field] = [...(fieldErrors[field] ?? []), ...messages.filter((m) => !fieldErrors[field]?.includes(m))];
  }
  return { ...result, fieldErrors, values, submission };
}

/** A text value of a form, "" when absent. */
export function textValue(values: FormValues, name: string): string {
  const value = values[name];
  return typeof value === "string" ? value : "";
}

/** The ticked values of a checkbox group. */
export function listValue(values: FormValues, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : typeof value === "string" && value ? [value] : [];
}

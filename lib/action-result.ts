import type { z } from "zod";

/** Submitted form values sent back on failure, so that nothing typed is lost (passwords excepted). */
export type SubmittedValues = Record<string, string | string[]>;

/** What every mutation returns to the UI: data, or a message and errors field by field. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; code?: string; values?: SubmittedValues };

/** Groups zod issues by field path, in the order they were raised. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** The value to show in a field: what was just submitted if the submission failed, else the saved one. */
export function submittedOr<T>(state: ActionResult<unknown> | null, name: string, saved: T): string | T {
  if (state && !state.ok && state.values && name in state.values) {
    const value = state.values[name];
    return Array.isArray(value) ? value.join(",") : value;
  }
  return saved;
}

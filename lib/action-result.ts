/** What every mutation returns to the UI: data, or a message and errors field by field. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; code?: string };

export const IDLE: ActionResult<never> | null = null;

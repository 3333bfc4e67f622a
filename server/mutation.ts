import type { z } from "zod";
import { fieldErrorsOf, type ActionResult, type SubmittedValues } from "@/lib/action-result";
import type { Viewer } from "@/lib/policies/viewer";
import { DomainError } from "./errors";
import { getCurrentViewer } from "./session";

type MutationSpec<S extends z.ZodType, T> = {
  schema: S;
  input: unknown;
  /** The domain command: it calls the policy itself (server/authorize.ts) and throws DomainError to refuse. */
  run: (viewer: Viewer | null, data: z.infer<S>) => T | Promise<T>;
  /** For callers that authenticate otherwise (API tokens); defaults to the session. */
  viewer?: Viewer | null;
};

/**
 * The one path every mutation takes: session, validation, domain call (which decides the policy),
 * typed result. Domain refusals become field errors; anything else is logged and reported without detail.
 */
export async function runMutation<S extends z.ZodType, T>(spec: MutationSpec<S, T>): Promise<ActionResult<T>> {
  const result = await runMutationSteps(spec);
  return result.ok ? result : { ...result, values: submittedValues(spec.input) };
}

function submittedValues(input: unknown): SubmittedValues | undefined {
  if (!input || typeof input !== "object") return undefined;
  const values: SubmittedValues = {};
  for (const [key, value] of Object.entries(input)) {
    if (/password/i.test(key)) continue;
    if (typeof value === "string") values[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === "string")) values[key] = value;
  }
  return values;
}

async function runMutationSteps<S extends z.ZodType, T>(spec: MutationSpec<S, T>): Promise<ActionResult<T>> {
  const viewer = spec.viewer !== undefined ? spec.viewer : await getCurrentViewer();
  const parsed = spec.schema.safeParse(spec.input);
  if (!parsed.success) {
    return { ok: false, code: "invalid", message: "Certains champs sont à corriger.", fieldErrors: fieldErrorsOf(parsed.error) };
  }
  try {
    return { ok: true, data: await spec.run(viewer, parsed.data) };
  } catch (error) {
    if (error instanceof DomainError) {
      // A domain command refusing nobody in particular is asking them to sign in.
      if (error.code === "forbidden" && !viewer) return { ok: false, code: "unauthenticated", message: "Connectez-vous pour faire cela." };
      return {
        ok: false,
        code: error.code,
        message: error.field ? "Certains champs sont à corriger." : error.messageFr,
        fieldErrors: error.field ? { [error.field]: [error.messageFr] } : undefined,
      };
    }
    console.error("Mutation failed:", error);
    return { ok: false, code: "internal", message: "Une erreur inattendue est survenue. Rien n'a été enregistré ; réessayez." };
  }
}

/** Reads a FormData into a plain object, gathering repeated keys (checkbox groups) into arrays. */
export function formDataToObject(form: FormData, arrays: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = arrays.includes(key) ? values : values[0];
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}

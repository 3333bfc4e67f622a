import { z } from "@/lib/schemas/zod";
import { ApiError, type ApiErrorDetail } from "./errors";

// The wiki configures zod in French for the UI; the API answers in English. A per-parse error map
// overrides the global one, but not the messages a schema sets itself: API schemas set theirs in
// English, and UI schemas reused here get an English message per field (`fieldMessages`).
const english = z.locales.en().localeError;

type ParseOptions = {
  /** 422 for a request body (default), 400 for a query string. */
  status?: 400 | 422;
  /** English message for every issue of a top-level field, replacing the schema's own (French) wording. */
  fieldMessages?: Record<string, string>;
};

function detailsOf(error: z.ZodError, fieldMessages: Record<string, string>): ApiErrorDetail[] {
  const details: ApiErrorDetail[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      const at = issue.path.length ? `${issue.path.join(".")}.` : "";
      for (const key of issue.keys) details.push({ field: `${at}${key}`, message: "Unknown field." });
      continue;
    }
    const field = issue.path.map(String).join(".") || "(body)";
    const message = fieldMessages[String(issue.path[0])] ?? issue.message;
    if (!details.some((d) => d.field === field && d.message === message)) details.push({ field, message });
  }
  return details;
}

/** Parses API input with English messages, or throws the API's validation error listing every problem. */
export function parseApiInput<S extends z.ZodType>(schema: S, input: unknown, options: ParseOptions = {}): z.infer<S> {
  const parsed = schema.safeParse(input, { error: english });
  if (parsed.success) return parsed.data;
  const status = options.status ?? 422;
  const details = detailsOf(parsed.error, options.fieldMessages ?? {});
  throw status === 400
    ? new ApiError(400, "invalid_query", "Some query parameters are invalid: see details.", details)
    : new ApiError(422, "validation_failed", "Some fields are invalid: see details.", details);
}

/** The query string as an object; a parameter given twice is refused rather than silently read once. */
export function queryObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  const repeated: ApiErrorDetail[] = [];
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    if (values.length > 1) repeated.push({ field: key, message: "Give this parameter once." });
    out[key] = values[0];
  }
  if (repeated.length) throw new ApiError(400, "invalid_query", "Some query parameters are invalid: see details.", repeated);
  return out;
}

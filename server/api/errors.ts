import { DomainError } from "@/server/errors";

/** One problem with one field of a request: `field` is a dotted path ("acteurs.0.role"), or a query parameter. */
export type ApiErrorDetail = { field: string; message: string };

/** The one error shape of the API: `{ "error": { "code", "message", "details"? } }`, messages in English. */
export type ApiErrorBody = { error: { code: string; message: string; details?: ApiErrorDetail[] } };

/** A refusal of the API, with its HTTP status; thrown anywhere below a handler, answered by it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ApiErrorDetail[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  body(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details?.length ? { details: this.details } : {}) } };
  }
}

// Domain modules raise DomainError for the UI and the API alike; its English message goes out as is.
const DOMAIN_STATUS: Record<string, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  acteur_not_found: 404,
  lieu_not_found: 404,
  token_not_found: 404,
  rate_limited: 429,
};

/** The API's answer to a domain refusal: 422 for a field, 409 for a state the request cannot apply to. */
export function apiErrorFromDomain(error: DomainError): ApiError {
  const status = DOMAIN_STATUS[error.code] ?? (error.field ? 422 : 409);
  const details = error.field && status === 422 ? [{ field: error.field, message: error.message }] : undefined;
  return new ApiError(status, error.code, error.message, details);
}

/** Any error thrown while handling a request, as an ApiError; unexpected ones are logged and told without detail. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainError) return apiErrorFromDomain(error);
  console.error("API request failed:", error);
  return new ApiError(500, "internal", "Unexpected error on the server. Retry later; if it goes on, tell the wiki's administrators.");
}

import type { ActionResult } from "@/lib/action-result";
import type { LieuxImportErrorView } from "@/lib/lieu/import-view";
import { LIEUX_DIGEST_HEADER, LIEUX_FILENAME_HEADER } from "@/lib/schemas/lieux-import";
import { fileTooLargeError, MAX_IMPORT_BYTES } from "../importer/decode";

function decodeHeader(value: string | null): string | undefined {
  if (value === null) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The upload's description, read from its headers, for lieuxUploadSchema. */
export function lieuxUploadInput(request: Request): Record<string, unknown> {
  return { filename: decodeHeader(request.headers.get(LIEUX_FILENAME_HEADER)), digest: request.headers.get(LIEUX_DIGEST_HEADER) ?? undefined };
}

/**
 * The request body, read up to MAX_IMPORT_BYTES: a larger file is refused as soon as it passes the
 * limit (or at once when its Content-Length says so), never held whole in memory.
 */
export async function readUploadBody(request: Request, filename: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: LieuxImportErrorView }> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > MAX_IMPORT_BYTES) return { ok: false, error: fileTooLargeError(filename, declared) };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_IMPORT_BYTES) {
      await reader.cancel();
      return { ok: false, error: fileTooLargeError(filename, size) };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

// runMutation words its refusals in French for the page; the API adds the English one.
const REFUSALS: Record<string, { status: number; message: string }> = {
  unauthenticated: { status: 401, message: "Sign in as a moderator or an admin to import lieux." },
  forbidden: { status: 403, message: "Only moderators and admins may import lieux." },
  invalid: { status: 400, message: "Send the CSV file as the request body, with its name (URI-encoded) in the X-Import-Filename header." },
};

/** The HTTP answer to an upload refused before its file was read. */
export function refusalResponse(result: Extract<ActionResult<unknown>, { ok: false }>): Response {
  const refusal = REFUSALS[result.code ?? ""] ?? { status: 500, message: "Unexpected error: nothing was imported." };
  const detail = result.fieldErrors ? Object.values(result.fieldErrors).flat()[0] : undefined;
  const error: LieuxImportErrorView = { code: result.code ?? "internal", message: refusal.message, messageFr: detail ?? result.message };
  return Response.json({ error }, { status: refusal.status });
}

/** The HTTP answer to a file the import refused: 413 for its size, 409 when the plan changed since the preview, else 422. */
export function fileErrorResponse(error: LieuxImportErrorView): Response {
  const status = error.code === "file_too_large" ? 413 : error.code === "plan_changed" ? 409 : 422;
  return Response.json({ error }, { status });
}

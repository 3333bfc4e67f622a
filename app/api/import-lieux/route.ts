import { getDb } from "@/db/client";
import { lieuxUploadSchema } from "@/lib/schemas/lieux-import";
import { fileErrorResponse, lieuxUploadInput, refusalResponse } from "@/server/import-lieux/http";
import { importLieuxUpload } from "@/server/import-lieux/upload";
import { runMutation } from "@/server/mutation";

export const dynamic = "force-dynamic";

/**
 * Imports the uploaded lieux CSV (the request body) in one transaction. With the preview's digest
 * in X-Import-Digest, a directory that changed since the preview makes it refuse (409) and write
 * nothing. Answers `{ result }`, or `{ error }` in English and French.
 */
export async function POST(request: Request) {
  const result = await runMutation({
    schema: lieuxUploadSchema,
    input: lieuxUploadInput(request),
    run: (viewer, upload) => importLieuxUpload(getDb(), viewer, request, upload),
  });
  if (!result.ok) return refusalResponse(result);
  if (!result.data.ok) return fileErrorResponse(result.data.error);
  return Response.json({ result: result.data.result }, { headers: { "cache-control": "no-store" } });
}

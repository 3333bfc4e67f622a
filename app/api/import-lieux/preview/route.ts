import { getDb } from "@/db/client";
import { lieuxUploadSchema } from "@/lib/schemas/lieux-import";
import { fileErrorResponse, lieuxUploadInput, refusalResponse } from "@/server/import-lieux/http";
import { previewLieuxUpload } from "@/server/import-lieux/upload";
import { runMutation } from "@/server/mutation";

export const dynamic = "force-dynamic";

/**
 * What importing the uploaded lieux CSV (the request body) would do: `{ preview }` with the digest
 * to confirm it, or `{ error }` with an English `message` and a French `messageFr`. Writes nothing.
 */
export async function POST(request: Request) {
  const result = await runMutation({
    schema: lieuxUploadSchema,
    input: lieuxUploadInput(request),
    run: (viewer, upload) => previewLieuxUpload(getDb(), viewer, request, upload),
  });
  if (!result.ok) return refusalResponse(result);
  if (!result.data.ok) return fileErrorResponse(result.data.error);
  return Response.json({ preview: result.data.preview }, { headers: { "cache-control": "no-store" } });
}

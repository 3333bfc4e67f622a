import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { importUploadSchema } from "@/lib/schemas/import";
import { startUploadedImport, uploadInput } from "@/server/importer/upload";
import { runMutation } from "@/server/mutation";
import { fileErrorStatus, refusalResponse } from "./refusal";

export const dynamic = "force-dynamic";

/**
 * Imports the uploaded file (the request body) whose preview had the digest given in
 * X-Import-Digest. A file that cannot be imported gets `{ error }` as /api/import/preview does;
 * otherwise the answer is an NDJSON stream of ImportEvent (lib/import/preview.ts).
 */
export async function POST(request: NextRequest) {
  const result = await runMutation({
    schema: importUploadSchema,
    input: uploadInput(request),
    run: (viewer, upload) => startUploadedImport(getDb(), viewer, request, upload),
  });
  if (!result.ok) return refusalResponse(result);
  if (!result.data.ok) return NextResponse.json({ error: result.data.error }, { status: fileErrorStatus(result.data.error.code) });
  return new Response(result.data.stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
}

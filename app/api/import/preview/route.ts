import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { importUploadSchema } from "@/lib/schemas/import";
import { previewUploadedImport, uploadInput } from "@/server/importer/upload";
import { runMutation } from "@/server/mutation";
import { fileErrorStatus, refusalResponse } from "../refusal";

export const dynamic = "force-dynamic";

/**
 * What importing the uploaded file (the request body) would do, without writing anything:
 * `{ preview }`, or `{ error: { code, message, messageFr } }` for a file that cannot be imported.
 */
export async function POST(request: NextRequest) {
  const result = await runMutation({
    schema: importUploadSchema,
    input: uploadInput(request),
    run: (viewer, upload) => previewUploadedImport(getDb(), viewer, request, upload),
  });
  if (!result.ok) return refusalResponse(result);
  if (!result.data.ok) return NextResponse.json({ error: result.data.error }, { status: fileErrorStatus(result.data.error.code) });
  return NextResponse.json({ preview: result.data.preview });
}

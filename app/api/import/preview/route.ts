import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { canImportFiches } from "@/lib/policies/import";
import { importUploadSchema } from "@/lib/schemas/import";
import { planImport } from "@/server/importer/plan";
import { previewOf } from "@/server/importer/preview";
import { readUploadedFile, uploadInput } from "@/server/importer/upload";
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
    forbidden: "Seuls les modérateurs et les administrateurs importent des fiches.",
    allow: (viewer) => canImportFiches(viewer),
    run: async (_viewer, upload) => {
      const file = await readUploadedFile(request, upload);
      return file.ok ? ({ ok: true, preview: previewOf(planImport(getDb(), file)) } as const) : ({ ok: false, error: file.error } as const);
    },
  });
  if (!result.ok) return refusalResponse(result);
  if (!result.data.ok) return NextResponse.json({ error: result.data.error }, { status: fileErrorStatus(result.data.error.code) });
  return NextResponse.json({ preview: result.data.preview });
}

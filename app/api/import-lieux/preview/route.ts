import { getDb } from "@/db/client";
import { canImportLieux } from "@/lib/policies/lieu";
import { lieuxUploadSchema } from "@/lib/schemas/lieux-import";
import { fileErrorResponse, lieuxUploadInput, readUploadBody, refusalResponse } from "@/server/import-lieux/http";
import { planLieuxImport } from "@/server/import-lieux/plan";
import { readLieuxCsv } from "@/server/import-lieux/read";
import { toLieuxImportView } from "@/server/import-lieux/view";
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
    forbidden: "Seuls les modérateurs et les administrateurs importent des lieux.",
    allow: (viewer) => canImportLieux(viewer),
    run: async (_viewer, upload) => {
      const body = await readUploadBody(request, upload.filename);
      if (!body.ok) return body;
      const file = readLieuxCsv(body.bytes, upload.filename);
      if (!file.ok) return file;
      const plan = planLieuxImport(getDb(), file, new TextDecoder().decode(body.bytes));
      return { ok: true, preview: toLieuxImportView(plan) } as const;
    },
  });
  if (!result.ok) return refusalResponse(result);
  if (!result.data.ok) return fileErrorResponse(result.data.error);
  return Response.json({ preview: result.data.preview }, { headers: { "cache-control": "no-store" } });
}

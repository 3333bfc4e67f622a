import { getDb } from "@/db/client";
import { canImportLieux } from "@/lib/policies/lieu";
import { lieuxUploadSchema } from "@/lib/schemas/lieux-import";
import { DomainError } from "@/server/errors";
import { applyLieuxImport } from "@/server/import-lieux/apply";
import { fileErrorResponse, lieuxUploadInput, readUploadBody, refusalResponse } from "@/server/import-lieux/http";
import { readLieuxCsv } from "@/server/import-lieux/read";
import { toLieuxImportView } from "@/server/import-lieux/view";
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
    forbidden: "Seuls les modérateurs et les administrateurs importent des lieux.",
    allow: (viewer) => canImportLieux(viewer),
    run: async (_viewer, upload) => {
      const body = await readUploadBody(request, upload.filename);
      if (!body.ok) return body;
      const file = readLieuxCsv(body.bytes, upload.filename);
      if (!file.ok) return file;
      try {
        const outcome = applyLieuxImport(getDb(), file, new TextDecoder().decode(body.bytes), { digest: upload.digest });
        return { ok: true, result: toLieuxImportView(outcome.plan, outcome) } as const;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return { ok: false, error: { code: error.code, message: error.message, messageFr: error.messageFr } } as const;
      }
    },
  });
  if (!result.ok) return refusalResponse(result);
  if (!result.data.ok) return fileErrorResponse(result.data.error);
  return Response.json({ result: result.data.result }, { headers: { "cache-control": "no-store" } });
}

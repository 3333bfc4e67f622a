import type { Db } from "@/db/client";
import type { LieuxImportErrorView, LieuxImportView } from "@/lib/lieu/import-view";
import { canImportLieux } from "@/lib/policies/lieu";
import type { LieuxUpload } from "@/lib/schemas/lieux-import";
import { authorize, type Actor } from "../authorize";
import { DomainError } from "../errors";
import { applyLieuxImport } from "./apply";
import { readUploadBody } from "./http";
import { planLieuxImport } from "./plan";
import { readLieuxCsv, type LieuxCsvFile } from "./read";
import { toLieuxImportView } from "./view";

type Refused = { ok: false; error: LieuxImportErrorView };

// Who asks is checked before a byte of the body is read: a refused upload costs nothing.
function mayImportLieux(actor: Actor): void {
  authorize(actor, canImportLieux, "Seuls les modérateurs et les administrateurs importent des lieux.", "Only moderators and admins may import lieux.");
}

async function readUpload(request: Request, upload: LieuxUpload): Promise<{ ok: true; file: Extract<LieuxCsvFile, { ok: true }>; text: string } | Refused> {
  const body = await readUploadBody(request, upload.filename);
  if (!body.ok) return body;
  const file = readLieuxCsv(body.bytes, upload.filename);
  if (!file.ok) return file;
  return { ok: true, file, text: new TextDecoder().decode(body.bytes) };
}

/** What importing the uploaded lieux CSV (the request body) would do, for moderators and admins; writes nothing. */
export async function previewLieuxUpload(db: Db, actor: Actor, request: Request, upload: LieuxUpload): Promise<{ ok: true; preview: LieuxImportView } | Refused> {
  mayImportLieux(actor);
  const read = await readUpload(request, upload);
  if (!read.ok) return read;
  return { ok: true, preview: toLieuxImportView(planLieuxImport(db, read.file, read.text)) };
}

/**
 * Imports the uploaded lieux CSV in one transaction, for moderators and admins. A plan that changed
 * since the preview's digest is a refusal of the file (409), not of the person.
 */
export async function importLieuxUpload(db: Db, actor: Actor, request: Request, upload: LieuxUpload): Promise<{ ok: true; result: LieuxImportView } | Refused> {
  mayImportLieux(actor);
  const read = await readUpload(request, upload);
  if (!read.ok) return read;
  try {
    const outcome = applyLieuxImport(db, read.file, read.text, { digest: upload.digest });
    return { ok: true, result: toLieuxImportView(outcome.plan, outcome) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { ok: false, error: { code: error.code, message: error.message, messageFr: error.messageFr } };
  }
}

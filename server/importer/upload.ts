import type { Db } from "@/db/client";
import type { ImportErrorView, ImportPreview } from "@/lib/import/preview";
import { canImportFiches } from "@/lib/policies/import";
import { IMPORT_DIGEST_HEADER, IMPORT_FILENAME_HEADER, type ImportUpload } from "@/lib/schemas/import";
import { authorize, SYSTEM, type Actor } from "../authorize";
import { fileTooLargeError, MAX_IMPORT_BYTES } from "./decode";
import { planImport } from "./plan";
import { previewOf } from "./preview";
import { readImportFile, type ImportFile } from "./read-file";
import { streamImport } from "./stream";

function decodeHeader(value: string | null): string | undefined {
  if (value === null) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The upload's description, read from its headers, for importUploadSchema. */
export function uploadInput(request: Request): Record<string, unknown> {
  const length = request.headers.get("content-length");
  return {
    filename: decodeHeader(request.headers.get(IMPORT_FILENAME_HEADER)),
    size: length === null || !/^\d+$/.test(length) ? undefined : Number(length),
    digest: request.headers.get(IMPORT_DIGEST_HEADER) ?? undefined,
  };
}

/** Reads the uploaded file (the request body) into fiches; a file over the limit is refused before its body is read. */
async function readUploadedFile(request: Request, upload: ImportUpload): Promise<ImportFile> {
  if (upload.size > MAX_IMPORT_BYTES) return { ok: false, error: fileTooLargeError(upload.filename, upload.size) };
  const bytes = new Uint8Array(await request.arrayBuffer());
  return readImportFile(bytes, upload.filename);
}

type Refused = { ok: false; error: ImportErrorView };

// Who asks is checked before a byte of the body is read: a refused upload costs nothing.
function mayImportFiches(actor: Actor): void {
  authorize(actor, canImportFiches, "Seuls les modérateurs et les administrateurs importent des fiches.", "Only moderators and admins may import fiches.");
}

/** What importing the uploaded file would do, for moderators and admins; writes nothing. */
export async function previewUploadedImport(db: Db, actor: Actor, request: Request, upload: ImportUpload): Promise<{ ok: true; preview: ImportPreview } | Refused> {
  mayImportFiches(actor);
  const file = await readUploadedFile(request, upload);
  return file.ok ? { ok: true, preview: previewOf(planImport(db, file)) } : { ok: false, error: file.error };
}

/** Starts the confirmed import of the uploaded file (streamImport), for moderators and admins, credited to them. */
export async function startUploadedImport(db: Db, actor: Actor, request: Request, upload: ImportUpload): Promise<{ ok: true; stream: ReadableStream<Uint8Array> } | Refused> {
  mayImportFiches(actor);
  const file = await readUploadedFile(request, upload);
  if (!file.ok) return { ok: false, error: file.error };
  return { ok: true, stream: streamImport(db, file, { digest: upload.digest, viewerId: actor === SYSTEM ? null : actor!.id }) };
}

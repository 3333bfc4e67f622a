import { IMPORT_DIGEST_HEADER, IMPORT_FILENAME_HEADER, type ImportUpload } from "@/lib/schemas/import";
import { fileTooLargeError, MAX_IMPORT_BYTES } from "./decode";
import { readImportFile, type ImportFile } from "./read-file";

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
export async function readUploadedFile(request: Request, upload: ImportUpload): Promise<ImportFile> {
  if (upload.size > MAX_IMPORT_BYTES) return { ok: false, error: fileTooLargeError(upload.filename, upload.size) };
  const bytes = new Uint8Array(await request.arrayBuffer());
  return readImportFile(bytes, upload.filename);
}

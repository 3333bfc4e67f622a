import { NextResponse } from "next/server";
import type { ActionResult } from "@/lib/action-result";
import type { ImportErrorView } from "@/lib/import/preview";

// runMutation words its refusals in French for the page; the API adds the English one.
const REFUSALS: Record<string, { status: number; message: string }> = {
  unauthenticated: { status: 401, message: "Sign in as a moderator or an admin to import fiches." },
  forbidden: { status: 403, message: "Only moderators and admins may import fiches." },
  invalid: {
    status: 400,
    message: "Send the file as the request body, with its Content-Length and its name (URI-encoded) in the X-Import-Filename header.",
  },
};

/** The HTTP answer to an import request refused before its file was read. */
export function refusalResponse(result: Extract<ActionResult<unknown>, { ok: false }>): NextResponse {
  const refusal = REFUSALS[result.code ?? ""] ?? { status: 500, message: "Unexpected error: nothing was imported." };
  const detail = result.fieldErrors ? Object.values(result.fieldErrors).flat()[0] : undefined;
  const error: ImportErrorView = { code: result.code ?? "internal", message: refusal.message, messageFr: detail ?? result.message };
  return NextResponse.json({ error }, { status: refusal.status });
}

/** The HTTP status of a file the importer refused. */
export function fileErrorStatus(code: string): number {
  return code === "file_too_large" ? 413 : 422;
}

import { getDb } from "@/db/client";
import { exportContext, getExportedFiche, renderFichesJson } from "@/server/export";
import { downloadHeaders, JSON_TYPE } from "@/server/export/http";
import { notExportable } from "@/server/export/not-exportable";

export const dynamic = "force-dynamic";

/** One public fiche in the JSON export format (the same document as /export/fiches.json, with one fiche). */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const db = getDb();
  const context = exportContext(db);
  const fiche = getExportedFiche(db, slug, context);
  if (!fiche) return notExportable(slug);
  return new Response(renderFichesJson([fiche], context), { headers: downloadHeaders(`${fiche.slug}.json`, JSON_TYPE, context.licence) });
}

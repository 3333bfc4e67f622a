import { getDb } from "@/db/client";
import { exportContext, getExportedFiche, renderFicheMarkdown } from "@/server/export";
import { downloadHeaders, MARKDOWN_TYPE } from "@/server/export/http";
import { notExportable } from "@/server/export/not-exportable";

export const dynamic = "force-dynamic";

/** One public fiche as Markdown, its fields and licence in the front matter. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const db = getDb();
  const context = exportContext(db);
  const fiche = getExportedFiche(db, slug, context);
  if (!fiche) return notExportable(slug);
  return new Response(renderFicheMarkdown(fiche, context), { headers: downloadHeaders(`${fiche.slug}.md`, MARKDOWN_TYPE, context.licence) });
}

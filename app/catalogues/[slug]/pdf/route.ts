import { getDb } from "@/db/client";
import { getCatalogueBySlug } from "@/db/queries/catalogue";
import { canReadCatalogue } from "@/lib/policies/catalogue";
import { renderCataloguePdf } from "@/server/catalogue-pdf";
import { publicUrl } from "@/server/config";
import { getCurrentViewer } from "@/server/session";
import { catalogueLicence } from "../licence";

export const dynamic = "force-dynamic";

/** The catalogue as an A4 PDF download; 404 for a catalogue the person may not read, as its page. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const viewer = await getCurrentViewer();
  const catalogue = getCatalogueBySlug(getDb(), slug, viewer, { content: true });
  if (!catalogue || !canReadCatalogue(viewer, catalogue.access)) {
    return new Response("Catalogue introuvable : il n'existe pas, ou c'est un brouillon que vous ne pouvez pas lire.\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const pdf = await renderCataloguePdf(catalogue, { baseUrl: publicUrl(), licence: catalogueLicence() });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${catalogue.slug}.pdf"`,
      // A draft's PDF is personal; a public one may change at any time.
      "cache-control": "private, no-cache",
    },
  });
}

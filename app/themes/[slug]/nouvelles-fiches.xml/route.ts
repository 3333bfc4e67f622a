import { getDb } from "@/db/client";
import { getThemeBySlug } from "@/db/queries/theme";
import { publicUrl } from "@/server/config";
import { ATOM_CONTENT_TYPE } from "@/server/feed/atom";
import { renderNewFichesFeed } from "@/server/feed/feeds";

export const dynamic = "force-dynamic";

/** The Atom feed of a theme's newest published fiches. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const db = getDb();
  const theme = getThemeBySlug(db, slug);
  if (!theme) {
    const shown = slug.slice(0, 100);
    return new Response(`No theme "${shown}".\nAucun thème « ${shown} ».\n`, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return new Response(renderNewFichesFeed(db, theme, publicUrl()), { headers: { "content-type": ATOM_CONTENT_TYPE, "cache-control": "no-cache" } });
}

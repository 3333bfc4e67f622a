import { getDb } from "@/db/client";
import { listCommunes } from "@/db/queries/acteur";
import { listTermsByTaxonomy } from "@/db/queries/taxonomy";
import { PRINTED_BY_DEFAULT, SHOWN_MATCHES } from "@/components/orientation/OrientationResults";
import { allParams, type SearchParams } from "@/lib/schemas/carte";
import { readAnswers } from "@/lib/schemas/orientation";
import { geocoderUrl } from "@/server/config";
import { renderOrientationPdf } from "@/server/orientation-pdf";
import { resolveOrientation } from "@/server/orientation-flow";

export const dynamic = "force-dynamic";

function searchParamsOf(url: URL): SearchParams {
  const params: SearchParams = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    params[key] = values.length > 1 ? values : values[0];
  }
  return params;
}

/**
 * The orientation sheet as a tagged PDF download, with the lieux the mediator ticked (at most those
 * the results show). When the answers are incomplete or no lieu fits, the printable sheet's page
 * says why in French and how to go back: the request is sent there.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const params = searchParamsOf(url);
  const db = getDb();
  const answers = readAnswers(params);
  const themes = listTermsByTaxonomy(db, "theme").map((t) => ({ slug: t.slug, label: t.label }));
  const now = new Date();
  const state = await resolveOrientation(db, { answers, requested: "resultats", themes, communes: listCommunes(db), geocoding: geocoderUrl() !== null }, now);
  const sheetPage = new Response(null, { status: 303, headers: { location: `/orientation/imprimer${url.search}` } });
  if (state.step !== "resultats" || !state.answer || !state.need) return sheetPage;

  const chosen = new Set(allParams(params, "lieu").map(Number));
  const picked = state.answer.matches.filter((m) => chosen.has(m.lieu.id)).slice(0, SHOWN_MATCHES);
  const matches = picked.length ? picked : state.answer.matches.slice(0, PRINTED_BY_DEFAULT);
  if (matches.length === 0) return sheetPage;

  const pdf = await renderOrientationPdf({ need: state.need, matches, date: now, fromPoint: state.answer.distanceFrom === "point" });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="fiche-orientation-${now.toISOString().slice(0, 10)}.pdf"`,
      // The sheet says where someone is being sent: never kept by a shared cache, never indexed.
      "cache-control": "private, no-store",
      "x-robots-tag": "noindex",
    },
  });
}

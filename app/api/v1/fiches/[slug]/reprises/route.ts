import { declareRepriseThroughApi, ficheReprisesResource } from "@/server/api/reprise";
import { findReadableFiche } from "@/server/api/fiche-resource";
import { apiPreflight, apiRead, apiWrite, jsonResponse, readJsonBody } from "@/server/api/http";
import { publicUrl } from "@/server/config";

export const dynamic = "force-dynamic";

type Params = { slug: string };

/** The acteurs that took up this fiche, where, since when and what they changed, with the number of communes. */
export const GET = apiRead<Params>(({ request, db, viewer, params }) => jsonResponse(request, ficheReprisesResource(db, findReadableFiche(db, viewer, params.slug))));

/** « Nous l'avons reprise »: declares (201) or updates (200) the take-up by one of the token owner's acteurs. */
export const POST = apiWrite<Params>(async ({ request, db, viewer, params }) => {
  const body = await readJsonBody(request);
  const fiche = findReadableFiche(db, viewer, params.slug);
  const { created, id } = declareRepriseThroughApi(db, viewer, fiche, body);
  const reprise = ficheReprisesResource(db, fiche).data.find((r) => r.id === id);
  const location = `${publicUrl()}/api/v1/fiches/${fiche.slug}/reprises`;
  return jsonResponse(request, reprise, { status: created ? 201 : 200, headers: created ? { Location: location } : {} });
});

export const OPTIONS = apiPreflight;

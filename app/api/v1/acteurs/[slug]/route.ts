import { acteurResource, findActeur, patchActeurThroughApi } from "@/server/api/acteur";
import { apiPreflight, apiRead, apiWrite, checkIfMatch, jsonResponse, readJsonBody } from "@/server/api/http";

export const dynamic = "force-dynamic";

type Params = { slug: string };

/** One acteur with its themes and lieux. */
export const GET = apiRead<Params>(({ request, db, params }) => jsonResponse(request, acteurResource(findActeur(db, params.slug))));

/** Changes the given fields of an acteur: its members and moderators only. */
export const PATCH = apiWrite<Params>(async ({ request, db, viewer, params }) => {
  const body = await readJsonBody(request);
  const acteur = findActeur(db, params.slug);
  checkIfMatch(request, acteurResource(acteur));
  return jsonResponse(request, acteurResource(patchActeurThroughApi(db, viewer, acteur, body)));
});

export const OPTIONS = apiPreflight;

import { apiFichePatchSchema } from "@/lib/schemas/api-fiche";
import { patchFicheThroughApi } from "@/server/api/fiche";
import { ficheResource, findReadableFiche } from "@/server/api/fiche-resource";
import { apiPreflight, apiRead, apiWrite, checkIfMatch, jsonResponse, readJsonBody } from "@/server/api/http";
import { parseApiInput } from "@/server/api/validation";

export const dynamic = "force-dynamic";

type Params = { slug: string };

/** One fiche with its acteurs, terms, lieux, HTML and text; drafts and hidden fiches only for who may read them. */
export const GET = apiRead<Params>(({ request, db, viewer, params }) => jsonResponse(request, ficheResource(findReadableFiche(db, viewer, params.slug))));

/** Changes a fiche's content (a live edit of its document) and governance, with the editor's permissions. */
export const PATCH = apiWrite<Params>(async ({ request, db, viewer, params }) => {
  const body = await readJsonBody(request);
  // From here on nothing awaits until the write is stored: the checks and the write see the same state.
  const fiche = findReadableFiche(db, viewer, params.slug);
  const patch = parseApiInput(apiFichePatchSchema, body);
  checkIfMatch(request, ficheResource(fiche));
  return jsonResponse(request, ficheResource(await patchFicheThroughApi(db, viewer, fiche, patch)));
});

export const OPTIONS = apiPreflight;

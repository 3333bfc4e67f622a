import { apiFicheCreateSchema } from "@/lib/schemas/api-fiche";
import { ficheListQuerySchema } from "@/lib/schemas/api-query";
import { publicUrl } from "@/server/config";
import { createFicheThroughApi } from "@/server/api/fiche";
import { ficheResource, listFichesForApi } from "@/server/api/fiche-resource";
import { apiPreflight, apiRead, apiWrite, jsonResponse, listResponse, readJsonBody } from "@/server/api/http";
import { parseApiInput, queryObject } from "@/server/api/validation";

export const dynamic = "force-dynamic";

/** Published fiches (or the token owner's drafts with statut=brouillon), filtered and paginated. */
export const GET = apiRead(async (context) => {
  const query = parseApiInput(ficheListQuerySchema, queryObject(context.url), { status: 400 });
  const page = listFichesForApi(context.db, context.viewer, query);
  return listResponse(context, page.items, page);
});

/** Creates a draft fiche for the token's owner. */
export const POST = apiWrite(async ({ request, db, viewer }) => {
  const input = parseApiInput(apiFicheCreateSchema, await readJsonBody(request));
  const fiche = ficheResource(createFicheThroughApi(db, viewer, input));
  return jsonResponse(request, fiche, { status: 201, headers: { Location: `${publicUrl()}/api/v1/fiches/${fiche.slug}` } });
});

export const OPTIONS = apiPreflight;

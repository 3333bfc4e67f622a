import { acteurListQuerySchema } from "@/lib/schemas/api-query";
import { publicUrl } from "@/server/config";
import { acteurResource, createActeurThroughApi, listActeursForApi } from "@/server/api/acteur";
import { apiPreflight, apiRead, apiWrite, jsonResponse, listResponse, readJsonBody } from "@/server/api/http";
import { parseApiInput, queryObject } from "@/server/api/validation";

export const dynamic = "force-dynamic";

/** The directory of acteurs, filtered and paginated. */
export const GET = apiRead(async (context) => {
  const query = parseApiInput(acteurListQuerySchema, queryObject(context.url), { status: 400 });
  const page = listActeursForApi(context.db, query);
  return listResponse(context, page.items, page);
});

/** Creates an acteur; the token's owner becomes its first member. */
export const POST = apiWrite(async ({ request, db, viewer }) => {
  const acteur = acteurResource(createActeurThroughApi(db, viewer, await readJsonBody(request)));
  return jsonResponse(request, acteur, { status: 201, headers: { Location: `${publicUrl()}/api/v1/acteurs/${acteur.slug}` } });
});

export const OPTIONS = apiPreflight;

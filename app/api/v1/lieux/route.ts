import { lieuListQuerySchema } from "@/lib/schemas/api-query";
import { apiPreflight, apiRead, listResponse } from "@/server/api/http";
import { listLieuxForApi } from "@/server/api/lieu";
import { parseApiInput, queryObject } from "@/server/api/validation";

export const dynamic = "force-dynamic";

/** The lieux of every acteur, filtered by commune, service or acteur, and paginated. */
export const GET = apiRead(async (context) => {
  const query = parseApiInput(lieuListQuerySchema, queryObject(context.url), { status: 400 });
  const page = listLieuxForApi(context.db, query);
  return listResponse(context, page.items, page);
});

export const OPTIONS = apiPreflight;

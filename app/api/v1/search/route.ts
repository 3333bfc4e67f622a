import { searchQuerySchema } from "@/lib/schemas/api-query";
import { apiPreflight, apiRead, listResponse } from "@/server/api/http";
import { searchForApi } from "@/server/api/search";
import { parseApiInput, queryObject } from "@/server/api/validation";

export const dynamic = "force-dynamic";

/** Full-text search of published fiches and acteurs, ranked, with facets. */
export const GET = apiRead(async (context) => {
  const query = parseApiInput(searchQuerySchema, queryObject(context.url), { status: 400 });
  const found = searchForApi(context.db, query);
  return listResponse(context, found.items, found, { meta: { correction: found.correction, bounded: found.bounded }, body: { facets: found.facets } });
});

export const OPTIONS = apiPreflight;

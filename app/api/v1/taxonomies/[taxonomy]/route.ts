import { apiPreflight, apiRead, jsonResponse } from "@/server/api/http";
import { getTaxonomyForApi } from "@/server/api/taxonomy";

export const dynamic = "force-dynamic";

/** One shared list with its terms in display order. */
export const GET = apiRead<{ taxonomy: string }>(({ request, db, params }) => jsonResponse(request, getTaxonomyForApi(db, params.taxonomy)));

export const OPTIONS = apiPreflight;

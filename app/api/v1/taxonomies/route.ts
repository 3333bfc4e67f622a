import { apiPreflight, apiRead, jsonResponse } from "@/server/api/http";
import { listTaxonomiesForApi } from "@/server/api/taxonomy";

export const dynamic = "force-dynamic";

/** The four shared lists (theme, public, enjeu, objectif) with their terms. */
export const GET = apiRead(({ request, db }) => jsonResponse(request, { data: listTaxonomiesForApi(db) }));

export const OPTIONS = apiPreflight;

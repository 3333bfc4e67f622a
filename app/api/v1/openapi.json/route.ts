import { openApiDocument } from "@/app/api/v1/_openapi/document";
import { publicUrl } from "@/server/config";
import { apiPreflight, apiRead, jsonResponse } from "@/server/api/http";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 description of the API. */
export const GET = apiRead(({ request }) => jsonResponse(request, openApiDocument(publicUrl())));

export const OPTIONS = apiPreflight;

import { findActeur } from "@/server/api/acteur";
import { acteurReprisesResource } from "@/server/api/reprise";
import { apiPreflight, apiRead, jsonResponse } from "@/server/api/http";

export const dynamic = "force-dynamic";

type Params = { slug: string };

/** The published fiches this acteur took up. */
export const GET = apiRead<Params>(({ request, db, params }) => jsonResponse(request, acteurReprisesResource(db, findActeur(db, params.slug))));

export const OPTIONS = apiPreflight;

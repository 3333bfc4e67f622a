import { ficheCommentsResource, postCommentThroughApi } from "@/server/api/comment";
import { findReadableFiche } from "@/server/api/fiche-resource";
import { apiPreflight, apiRead, apiWrite, jsonResponse, readJsonBody } from "@/server/api/http";
import { publicUrl } from "@/server/config";

export const dynamic = "force-dynamic";

type Params = { slug: string };

/** The published discussion of a fiche: threads and their replies, oldest first. */
export const GET = apiRead<Params>(({ request, db, viewer, params }) => jsonResponse(request, ficheCommentsResource(db, findReadableFiche(db, viewer, params.slug))));

/** Opens a thread or replies to one, as the token's owner, with the page's rules and rate limit. */
export const POST = apiWrite<Params>(async ({ request, db, viewer, params }) => {
  const body = await readJsonBody(request);
  const fiche = findReadableFiche(db, viewer, params.slug);
  const { id } = postCommentThroughApi(db, viewer, fiche, body);
  const resource = ficheCommentsResource(db, fiche);
  return jsonResponse(request, resource, { status: 201, headers: { Location: `${publicUrl()}/fiches/${fiche.slug}#commentaire-${id}` } });
});

export const OPTIONS = apiPreflight;

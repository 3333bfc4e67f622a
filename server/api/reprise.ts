import type { Db } from "@/db/client";
import type { ActeurDetails } from "@/db/queries/acteur";
import type { FicheDetail } from "@/db/queries/fiche";
import { getReprise, listReprisesOfActeur, listReprisesOfFiche } from "@/db/queries/reprise";
import type { Viewer } from "@/lib/policies/viewer";
import { refSchema } from "@/lib/schemas/api-fiche";
import { repriseSchema } from "@/lib/reprise/schema";
import { countCommunes, REPRISE_CHANGEMENTS_MAX, REPRISE_COMMUNE_MAX } from "@/lib/reprise/values";
import { z } from "@/lib/schemas/zod";
import { publicUrl } from "@/server/config";
import { declareReprise } from "@/server/reprise";
import { ApiError, type ApiErrorDetail } from "./errors";
import { resolveActeurRefs } from "./refs";
import { parseApiInput } from "./validation";

// A take-up through the API goes through the form's own schema (lib/reprise/schema) and the same
// domain command; its French messages are replaced by these, field by field.
const FIELD_MESSAGES: Record<string, string> = {
  acteur: "acteur is required: the slug or id of an acteur you are a member of.",
  commune: `commune is required: a string of at most ${REPRISE_COMMUNE_MAX} characters.`,
  depuis: 'depuis is required: "YYYY-MM" or "YYYY", not in the future.',
  changements: `changements is a string of at most ${REPRISE_CHANGEMENTS_MAX} characters.`,
};
const FIELDS = Object.keys(FIELD_MESSAGES);

const iso = (date: Date) => date.toISOString();
const ficheUrl = (slug: string) => `${publicUrl()}/fiches/${slug}`;
const acteurUrl = (slug: string) => `${publicUrl()}/acteurs/${slug}`;
const details = (r: { commune: string; depuis: string; changements: string; updatedAt: Date }) => ({
  commune: r.commune,
  depuis: r.depuis,
  changements: r.changements,
  updatedAt: iso(r.updatedAt),
});

/** The take-ups of a fiche as GET /api/v1/fiches/{slug}/reprises returns them, with the number of communes. */
export function ficheReprisesResource(db: Db, fiche: FicheDetail) {
  const reprises = listReprisesOfFiche(db, fiche.id);
  return {
    data: reprises.map((r) => ({ id: r.id, acteur: { slug: r.acteurSlug, nom: r.acteurNom, url: acteurUrl(r.acteurSlug) }, ...details(r) })),
    meta: { total: reprises.length, communes: countCommunes(reprises.map((r) => r.commune)) },
  };
}

/** What an acteur took up, as GET /api/v1/acteurs/{slug}/reprises returns it: published fiches only. */
export function acteurReprisesResource(db: Db, acteur: ActeurDetails) {
  const reprises = listReprisesOfActeur(db, acteur.id);
  return {
    data: reprises.map((r) => ({ id: r.id, fiche: { slug: r.ficheSlug, titre: r.ficheTitre, url: ficheUrl(r.ficheSlug) }, ...details(r) })),
    meta: { total: reprises.length },
  };
}

const acteurField = z.object({ acteur: refSchema }, { error: FIELD_MESSAGES.acteur });
const declaredFields = repriseSchema.pick({ commune: true, depuis: true, changements: true });

/**
 * Declares, or updates, the take-up of this fiche by the named acteur, for its members and
 * moderators. Returns whether it is new, and the fiche's take-ups afterwards.
 */
export function declareRepriseThroughApi(db: Db, viewer: Viewer, fiche: FicheDetail, body: Record<string, unknown>) {
  const problems: ApiErrorDetail[] = Object.keys(body)
    .filter((key) => !FIELDS.includes(key))
    .map((field) => ({ field, message: "Unknown field." }));
  const named = acteurField.safeParse({ acteur: body.acteur });
  const [acteurId] = named.success ? resolveActeurRefs(db, [named.data.acteur], () => "acteur", problems) : [null];
  if (!named.success) problems.push({ field: "acteur", message: FIELD_MESSAGES.acteur });
  // Every problem of the request is reported at once: unknown fields and acteur, then the form's rules.
  let fields: z.infer<typeof declaredFields> | null = null;
  try {
    fields = parseApiInput(declaredFields, body, { fieldMessages: FIELD_MESSAGES });
  } catch (error) {
    if (!(error instanceof ApiError) || !error.details) throw error;
    problems.push(...error.details);
  }
  if (problems.length || !fields || acteurId === null) throw new ApiError(422, "validation_failed", "Some fields are invalid: see details.", problems);
  const { created } = declareReprise(db, viewer, { ...fields, ficheId: fiche.id, acteurId });
  const stored = getReprise(db, fiche.id, acteurId)!;
  return { created, id: stored.id };
}

import type { Db } from "@/db/client";
import { getFicheBySlug, type FicheDetail } from "@/db/queries/fiche";
import type { FicheType } from "@/lib/fiche/values";
import type { FicheContent } from "@/lib/fiche/document";
import { acteurBreaches, fieldTypeBreaches, lieuBreaches, lieuxOfActeurs, type ActeurLink, type ContentRuleBreach } from "@/lib/fiche/content-rules";
import type { Viewer } from "@/lib/policies/viewer";
import { canCreateFiche, canEditFiche, canManageFiche, type FicheAccessFacts } from "@/lib/policies/fiche";
import type { ApiFicheContentInput, ApiFicheCreate, ApiFichePatch } from "@/lib/schemas/api-fiche";
import { getFicheDocuments } from "@/server/collab/write";
import { insertFiche, nextFicheStatuts, setFicheAVerifier, setFicheStatut, setFicheVerrouillee } from "@/server/fiche";
import { ApiError, type ApiErrorDetail } from "./errors";
import { lieuOwners, resolveActeurRefs, resolveTermRefs } from "./refs";

// Fiche writes of the REST API. Content goes into the fiche's Yjs document as a forward edit
// (through the collaboration server when it runs, so that connected editors see it at once), then
// the relational projection is rebuilt; governance goes through server/fiche's setters.

/** The API's words for a broken content rule, at the field path of the input that broke it. */
function breachDetail(type: FicheType, breach: ContentRuleBreach): ApiErrorDetail {
  switch (breach.rule) {
    case "field_of_other_type":
      return { field: breach.field, message: `${breach.field} applies to fiches of type ${breach.types.join(" or ")} only; this one is ${type}.` };
    case "role_of_other_type":
      return { field: `acteurs.${breach.index}.role`, message: `On a fiche of type ${type}, role is one of ${breach.roles.join(", ")}.` };
    case "acteur_twice":
      return { field: `acteurs.${breach.index}.acteur`, message: "This acteur is listed twice: give it once, with one role." };
    case "unknown_lieu":
      return { field: `lieux.${breach.index}`, message: `Unknown lieu: ${breach.lieuId}.` };
    case "lieu_of_absent_acteur":
      return { field: `lieux.${breach.index}`, message: `Lieu ${breach.lieuId} belongs to an acteur that is not on this fiche: add the acteur first.` };
  }
}

const invalid = (details: ApiErrorDetail[]) => new ApiError(422, "validation_failed", "Some fields are invalid: see details.", details);

/**
 * Turns the API's content fields (slugs or ids) into the document's (ids), checking them against
 * the editor's rules: fields of the fiche's type, roles of its type, lieux of its acteurs. When the
 * acteurs change and the lieux are not given, the lieux of acteurs that left are dropped, as the editor does.
 */
function resolveContent(db: Db, type: FicheType, input: ApiFicheContentInput, current: { acteurIds: number[]; lieux: number[] }): Partial<FicheContent> {
  const details: ApiErrorDetail[] = fieldTypeBreaches(type, input).map((b) => breachDetail(type, b));
  const content: Partial<FicheContent> = {};
  for (const field of ["titre", "commune", "quartier", "lienWeb", "source", "etat", "ebauche"] as const) {
    if (input[field] !== undefined) (content as Record<string, unknown>)[field] = input[field];
  }
  if (input.objectif !== undefined) content.objectif = input.objectif === null ? null : (resolveTermRefs(db, "objectif", [input.objectif], "objectif", details)[0] ?? null);
  if (input.themes) content.themes = resolveTermRefs(db, "theme", input.themes, "themes", details);
  if (input.themesSuggeres) content.themesSuggeres = resolveTermRefs(db, "theme", input.themesSuggeres, "themesSuggeres", details);
  if (input.publics) content.publics = resolveTermRefs(db, "public", input.publics, "publics", details);
  if (input.enjeux) content.enjeux = resolveTermRefs(db, "enjeu", input.enjeux, "enjeux", details);

  if (input.acteurs) {
    const ids = resolveActeurRefs(db, input.acteurs.map((a) => a.acteur), (i) => `acteurs.${i}.acteur`, details);
    // An unknown acteur, already reported by resolveActeurRefs, stands in as an id of its own (negative) so that its role is still checked.
    const links: ActeurLink[] = input.acteurs.map((link, i) => ({ acteurId: ids[i] ?? -(i + 1), role: link.role }));
    details.push(...acteurBreaches(type, links).map((b) => breachDetail(type, b)));
    content.acteurs = links.filter((l, i) => l.acteurId > 0 && links.findIndex((o) => o.acteurId === l.acteurId) === i);
  }
  const acteurIds = content.acteurs ? content.acteurs.map((a) => a.acteurId) : current.acteurIds;
  if (input.lieux) {
    details.push(...lieuBreaches(input.lieux, acteurIds, lieuOwners(db, input.lieux)).map((b) => breachDetail(type, b)));
    content.lieux = [...new Set(input.lieux)];
  } else if (content.acteurs && current.lieux.length) {
    content.lieux = lieuxOfActeurs(current.lieux, acteurIds, lieuOwners(db, current.lieux));
  }
  if (details.length) throw invalid(details);
  return content;
}

const forbidden = (message: string) => new ApiError(403, "forbidden", message);

/** Creates a draft fiche with its content in its first state, for a token's viewer (canCreateFiche). */
export function createFicheThroughApi(db: Db, viewer: Viewer, input: ApiFicheCreate): FicheDetail {
  if (!canCreateFiche(viewer)) throw forbidden("You may not create fiches.");
  const { type, titre, ...rest } = input;
  const content = resolveContent(db, type, rest, { acteurIds: [], lieux: [] });
  const created = insertFiche(db, { type, titre, createdBy: viewer.id, content });
  return getFicheBySlug(db, created.slug)!;
}

function editRefusal(fiche: FicheDetail): string {
  if (fiche.statut === "archivee") return "This fiche is archived: only moderators may edit it.";
  if (fiche.verrouillee) return "This fiche is locked: only members of its porteur acteurs and moderators may edit it.";
  return "You may not edit this fiche.";
}

/**
 * Applies a PATCH: every check first (edit and management rights before and after the change of
 * porteurs, statut transition, references), then the content as one forward Yjs edit, then the
 * governance setters. Returns the fiche as it is afterwards.
 */
export async function patchFicheThroughApi(db: Db, viewer: Viewer, fiche: FicheDetail, patch: ApiFichePatch): Promise<FicheDetail> {
  const { statut, verrouillee, aVerifier, ...input } = patch;
  const hasContent = Object.keys(input).length > 0;
  if (hasContent && !canEditFiche(viewer, fiche.access)) throw forbidden(editRefusal(fiche));
  const current = { acteurIds: fiche.acteurs.map((a) => a.id), lieux: fiche.lieux.map((l) => l.id) };
  const content = hasContent ? resolveContent(db, fiche.type, input, current) : {};

  const governs = statut !== undefined || verrouillee !== undefined || aVerifier !== undefined;
  const after: FicheAccessFacts = content.acteurs
    ? { ...fiche.access, porteurIds: content.acteurs.filter((a) => a.role === "porteur").map((a) => a.acteurId) }
    : fiche.access;
  if (governs && !(canManageFiche(viewer, fiche.access) && canManageFiche(viewer, after))) {
    throw forbidden("Only members of the fiche's porteur acteurs, the author of a draft and moderators may change statut, verrouillee or aVerifier.");
  }
  if (statut !== undefined && statut !== fiche.statut) {
    const allowed = nextFicheStatuts(viewer, fiche.statut);
    if (!allowed.includes(statut)) {
      throw new ApiError(409, "invalid_transition", `A fiche cannot go from ${fiche.statut} to ${statut}${allowed.length ? `; it may go to ${allowed.join(", ")}` : ""}.`);
    }
    if (statut === "publiee" && (content.titre ?? fiche.titre).trim() === "") {
      throw invalid([{ field: "titre", message: "A fiche needs a titre to be published." }]);
    }
  }

  const written = hasContent ? getFicheDocuments(db).edit(fiche.id, { viewer }, { kind: "write", content }, { projectNow: true }) : null;
  if (statut !== undefined && statut !== fiche.statut) setFicheStatut(db, viewer, fiche.id, statut);
  if (verrouillee !== undefined && verrouillee !== fiche.verrouillee) setFicheVerrouillee(db, viewer, fiche.id, verrouillee);
  if (aVerifier !== undefined && aVerifier !== fiche.aVerifier) setFicheAVerifier(db, viewer, fiche.id, aVerifier);
  // The API answers with the projection of what it wrote.
  await written?.projected;
  return getFicheBySlug(db, fiche.slug)!;
}

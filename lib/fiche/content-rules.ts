import type { FicheActeurRole, FicheType } from "./values";
import { acteurRolesFor } from "./labels";

// What a fiche's content may hold, whoever writes it (editor, API, socket client, import): pure
// functions over ids, so that the browser, the API and the collaboration server apply the same rules.

/** Fields the editor shows only for some types of fiche; another type must leave them empty. */
export const FIELD_TYPES = {
  etat: ["pratique"],
  lieux: ["pratique"],
  objectif: ["fiche_pratique"],
  source: ["fiche_pratique"],
  commune: ["pratique", "idee"],
  quartier: ["pratique", "idee"],
} as const satisfies Record<string, readonly FicheType[]>;

export type TypedField = keyof typeof FIELD_TYPES;

export type ActeurLink = { acteurId: number; role: FicheActeurRole };

/** A content rule broken; `index` is the position in the list given. */
export type ContentRuleBreach =
  | { rule: "field_of_other_type"; field: TypedField; types: readonly FicheType[] }
  | { rule: "role_of_other_type"; index: number; role: FicheActeurRole; roles: FicheActeurRole[] }
  | { rule: "acteur_twice"; index: number; acteurId: number }
  | { rule: "unknown_lieu"; index: number; lieuId: number }
  | { rule: "lieu_of_absent_acteur"; index: number; lieuId: number };

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

/** The fields set (not empty) that a fiche of this type does not have. Clearing one is always allowed. */
export function fieldTypeBreaches(type: FicheType, values: Partial<Record<TypedField, unknown>>): ContentRuleBreach[] {
  const breaches: ContentRuleBreach[] = [];
  for (const [field, types] of Object.entries(FIELD_TYPES) as [TypedField, readonly FicheType[]][]) {
    if (!isEmpty(values[field]) && !types.includes(type)) breaches.push({ rule: "field_of_other_type", field, types });
  }
  return breaches;
}

/** Acteur links with a role this type of fiche does not offer (acteurRolesFor), or naming an acteur already listed. */
export function acteurBreaches(type: FicheType, acteurs: readonly ActeurLink[]): ContentRuleBreach[] {
  const roles = acteurRolesFor(type);
  const breaches: ContentRuleBreach[] = [];
  const seen = new Set<number>();
  acteurs.forEach(({ acteurId, role }, index) => {
    if (!roles.includes(role)) breaches.push({ rule: "role_of_other_type", index, role, roles });
    if (seen.has(acteurId)) breaches.push({ rule: "acteur_twice", index, acteurId });
    seen.add(acteurId);
  });
  return breaches;
}

/**
 * Lieux that are unknown (absent from `owners`, lieu id to acteur id) or belong to an acteur that is
 * not on the fiche: a fiche shows the places of its own acteurs only.
 */
export function lieuBreaches(lieuIds: readonly number[], acteurIds: readonly number[], owners: ReadonlyMap<number, number>): ContentRuleBreach[] {
  const breaches: ContentRuleBreach[] = [];
  lieuIds.forEach((lieuId, index) => {
    const owner = owners.get(lieuId);
    if (owner === undefined) breaches.push({ rule: "unknown_lieu", index, lieuId });
    else if (!acteurIds.includes(owner)) breaches.push({ rule: "lieu_of_absent_acteur", index, lieuId });
  });
  return breaches;
}

/** The lieux kept once the acteurs are these: those of an acteur still on the fiche, in order. */
export function lieuxOfActeurs(lieuIds: readonly number[], acteurIds: readonly number[], owners: ReadonlyMap<number, number>): number[] {
  return lieuIds.filter((id) => {
    const owner = owners.get(id);
    return owner !== undefined && acteurIds.includes(owner);
  });
}

/**
 * Every rule a fiche's content breaks, for a writer that sends whole content (a socket client):
 * fields of its type, roles of its type, each acteur once, lieux of its acteurs. `owners` maps
 * each of `content.lieux` to its acteur.
 */
export function contentRuleBreaches(
  content: { type: FicheType; acteurs: readonly ActeurLink[]; lieux: readonly number[] } & Partial<Record<TypedField, unknown>>,
  owners: ReadonlyMap<number, number>,
): ContentRuleBreach[] {
  return [
    ...fieldTypeBreaches(content.type, content),
    ...acteurBreaches(content.type, content.acteurs),
    ...lieuBreaches(
      content.lieux,
      content.acteurs.map((a) => a.acteurId),
      owners,
    ),
  ];
}

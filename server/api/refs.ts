import { and, eq, inArray, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { acteur, lieu, taxonomyTerm } from "@/db/schema";
import type { Taxonomy } from "@/lib/taxonomy/values";
import type { Ref } from "@/lib/schemas/api-fiche";
import type { ApiErrorDetail } from "./errors";

// The API names terms and acteurs by slug or id; these turn such names into ids, collecting one
// English detail per unknown name so that a client learns every mistake of a request at once.

type Row = { id: number; slug: string };

function split(refs: Ref[]): { ids: number[]; slugs: string[] } {
  return { ids: refs.filter((r): r is number => typeof r === "number"), slugs: refs.filter((r): r is string => typeof r === "string") };
}

function resolve(rows: Row[], refs: Ref[], field: string, what: string, details: ApiErrorDetail[]): number[] {
  const out: number[] = [];
  refs.forEach((ref, index) => {
    const row = rows.find((r) => (typeof ref === "number" ? r.id === ref : r.slug === ref));
    if (!row) details.push({ field: `${field}.${index}`, message: `Unknown ${what}: ${JSON.stringify(ref)}.` });
    else if (!out.includes(row.id)) out.push(row.id);
  });
  return out;
}

/** The ids of terms of one taxonomy named by slug or id. */
export function resolveTermRefs(db: Db, taxonomy: Taxonomy, refs: Ref[], field: string, details: ApiErrorDetail[]): number[] {
  if (refs.length === 0) return [];
  const { ids, slugs } = split(refs);
  const rows = db
    .select({ id: taxonomyTerm.id, slug: taxonomyTerm.slug })
    .from(taxonomyTerm)
    .where(and(eq(taxonomyTerm.taxonomy, taxonomy), or(inArray(taxonomyTerm.id, ids), inArray(taxonomyTerm.slug, slugs))))
    .all();
  return resolve(rows, refs, field, `${taxonomy} (see /api/v1/taxonomies/${taxonomy})`, details);
}

/** The ids of acteurs named by slug or id, in the order given (`field` names each position, e.g. "acteurs.2.acteur"). */
export function resolveActeurRefs(db: Db, refs: Ref[], fieldOf: (index: number) => string, details: ApiErrorDetail[]): (number | null)[] {
  if (refs.length === 0) return [];
  const { ids, slugs } = split(refs);
  const rows = db
    .select({ id: acteur.id, slug: acteur.slug })
    .from(acteur)
    .where(or(inArray(acteur.id, ids), inArray(acteur.slug, slugs)))
    .all();
  return refs.map((ref, index) => {
    const row = rows.find((r) => (typeof ref === "number" ? r.id === ref : r.slug === ref));
    if (!row) details.push({ field: fieldOf(index), message: `Unknown acteur: ${JSON.stringify(ref)}.` });
    return row?.id ?? null;
  });
}

/** Which acteur each of these lieux belongs to; unknown lieux are absent from the map. */
export function lieuOwners(db: Db, lieuIds: number[]): Map<number, number> {
  if (lieuIds.length === 0) return new Map();
  const rows = db.select({ id: lieu.id, acteurId: lieu.acteurId }).from(lieu).where(inArray(lieu.id, lieuIds)).all();
  return new Map(rows.map((r) => [r.id, r.acteurId]));
}

import { and, asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { acteur, lieu, type Lieu } from "../schema";
import { searchFold } from "./acteur";

/** Filters of the list of lieux: a commune (whatever its accents and case), a service of the national schema, an acteur's slug. */
export type LieuFilters = { commune?: string; service?: string; acteur?: string };

export type LieuWithActeur = Lieu & { acteurSlug: string; acteurNom: string };

export type LieuPage = { items: LieuWithActeur[]; total: number };

// Communes are few: matching their spellings in JS keeps accents and case out of SQL.
function communeSpellings(db: Db, commune: string): string[] {
  const wanted = searchFold(commune);
  return db
    .selectDistinct({ commune: lieu.commune })
    .from(lieu)
    .all()
    .map((r) => r.commune)
    .filter((c) => searchFold(c) === wanted);
}

function conditions(db: Db, filters: LieuFilters): SQL[] | null {
  const out: SQL[] = [];
  if (filters.commune) {
    const spellings = communeSpellings(db, filters.commune);
    if (spellings.length === 0) return null;
    out.push(inArray(lieu.commune, spellings));
  }
  if (filters.service) out.push(sql`exists (select 1 from json_each(${lieu.services}) where value = ${filters.service})`);
  if (filters.acteur) out.push(eq(acteur.slug, filters.acteur));
  return out;
}

/** One page of lieux with their acteur, by commune then name; pages past the last are empty. */
export function listLieux(db: Db, filters: LieuFilters, page: number, pageSize: number): LieuPage {
  const where = conditions(db, filters);
  if (!where) return { items: [], total: 0 };
  const total = db.select({ n: count() }).from(lieu).innerJoin(acteur, eq(acteur.id, lieu.acteurId)).where(and(...where)).get()!.n;
  const rows = db
    .select({ lieu, acteurSlug: acteur.slug, acteurNom: acteur.nom })
    .from(lieu)
    .innerJoin(acteur, eq(acteur.id, lieu.acteurId))
    .where(and(...where))
    .orderBy(asc(lieu.commune), asc(lieu.nom), asc(lieu.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  return { items: rows.map((r) => ({ ...r.lieu, acteurSlug: r.acteurSlug, acteurNom: r.acteurNom })), total };
}

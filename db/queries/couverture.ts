import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { acteurTheme, fiche, ficheLieu, ficheTerm, lieu, reprise, taxonomyTerm } from "../schema";

/** What the coverage view needs of a lieu: where, what, for whom, and its acteur's themes. */
export type CoverageLieu = { commune: string; services: string[]; publics: string[]; supports: string[]; themes: string[] };

/**
 * What the coverage view needs of a published fiche: its communes (its own, its lieux' and those where
 * acteurs took it up), themes and publics, and the communes of its take-ups alone.
 */
export type CoverageFiche = { communes: string[]; themes: string[]; publics: string[]; repriseCommunes: string[] };

function group<K, V>(rows: { key: K; value: V }[]): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const { key, value } of rows) {
    const list = map.get(key) ?? [];
    list.push(value);
    map.set(key, list);
  }
  return map;
}

/** Every lieu, as the coverage view counts them. */
export function listCoverageLieux(db: Db): CoverageLieu[] {
  const lieux = db
    .select({
      acteurId: lieu.acteurId,
      commune: lieu.commune,
      services: lieu.services,
      publics: lieu.publicsSpecifiquementAdresses,
      supports: lieu.priseEnChargeSpecifique,
    })
    .from(lieu)
    .all();
  const themes = group(
    db
      .select({ key: acteurTheme.acteurId, value: taxonomyTerm.slug })
      .from(acteurTheme)
      .innerJoin(taxonomyTerm, eq(taxonomyTerm.id, acteurTheme.termId))
      .where(eq(taxonomyTerm.taxonomy, "theme"))
      .all(),
  );
  return lieux.map(({ acteurId, ...l }) => ({ ...l, themes: themes.get(acteurId) ?? [] }));
}

/** Every fiche the public can read (published, not hidden, not merged), as the coverage view counts them. */
export function listCoverageFiches(db: Db): CoverageFiche[] {
  const visible = and(eq(fiche.statut, "publiee"), eq(fiche.masquee, false), isNull(fiche.redirectToId));
  const fiches = db.select({ id: fiche.id, commune: fiche.commune }).from(fiche).where(visible).all();
  if (!fiches.length) return [];
  const ids = fiches.map((f) => f.id);
  const terms = db
    .select({ ficheId: ficheTerm.ficheId, taxonomy: taxonomyTerm.taxonomy, slug: taxonomyTerm.slug })
    .from(ficheTerm)
    .innerJoin(taxonomyTerm, eq(taxonomyTerm.id, ficheTerm.termId))
    .where(inArray(ficheTerm.ficheId, ids))
    .all();
  const themes = group(terms.filter((t) => t.taxonomy === "theme").map((t) => ({ key: t.ficheId, value: t.slug })));
  const publics = group(terms.filter((t) => t.taxonomy === "public").map((t) => ({ key: t.ficheId, value: t.slug })));
  const lieuCommunes = group(
    db
      .select({ key: ficheLieu.ficheId, value: lieu.commune })
      .from(ficheLieu)
      .innerJoin(lieu, eq(lieu.id, ficheLieu.lieuId))
      .where(inArray(ficheLieu.ficheId, ids))
      .all(),
  );
  const repriseCommunes = group(
    db.select({ key: reprise.ficheId, value: reprise.commune }).from(reprise).where(inArray(reprise.ficheId, ids)).all(),
  );
  return fiches.map((f) => ({
    communes: [...(f.commune?.trim() ? [f.commune.trim()] : []), ...(lieuCommunes.get(f.id) ?? []), ...(repriseCommunes.get(f.id) ?? [])],
    repriseCommunes: repriseCommunes.get(f.id) ?? [],
    themes: themes.get(f.id) ?? [],
    publics: publics.get(f.id) ?? [],
  }));
}

import { and, asc, eq, inArray, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { LIEU_PRISES_EN_CHARGE_SPECIFIQUES } from "@/lib/lieu/labels";
import type { Db } from "../client";
import { acteur, acteurTheme, lieu, taxonomyTerm, type Acteur, type Lieu } from "../schema";
import type { ActeurCategorie } from "@/lib/acteur/values";
import { searchFold } from "./acteur";

/** The map's filters; labels of the national lists for service and public, a theme slug. */
export type CarteFilters = {
  service?: string;
  /** A label of "publics spécifiquement adressés" or of "prise en charge spécifique". */
  public?: string;
  theme?: string;
  commune?: string;
  categorie?: ActeurCategorie;
};

/** A lieu with what the map, the list and the orientation show of its acteur. */
export type LieuWithActeur = Lieu & {
  acteur: Pick<Acteur, "id" | "slug" | "nom" | "categorie" | "telephone" | "courriel" | "siteWeb">;
  themes: { slug: string; label: string }[];
};

const supports: readonly string[] = LIEU_PRISES_EN_CHARGE_SPECIFIQUES;
const collator = new Intl.Collator("fr");

function listHas(column: AnyColumn, value: string): SQL {
  return sql`exists (select 1 from json_each(${column}) where json_each.value = ${value})`;
}

/** Every stored spelling of a commune ("Bègles", "BEGLES"), so that the filter finds them all. */
function communeSpellings(db: Db, commune: string): string[] {
  const wanted = searchFold(commune);
  return db
    .selectDistinct({ commune: lieu.commune })
    .from(lieu)
    .all()
    .map((r) => r.commune)
    .filter((c) => searchFold(c) === wanted);
}

function filterConditions(db: Db, filters: CarteFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.service) conditions.push(listHas(lieu.services, filters.service));
  if (filters.public) {
    const column: AnyColumn = supports.includes(filters.public) ? lieu.priseEnChargeSpecifique : lieu.publicsSpecifiquementAdresses;
    conditions.push(listHas(column, filters.public));
  }
  if (filters.theme) {
    conditions.push(sql`exists (select 1 from ${acteurTheme} join ${taxonomyTerm} on ${taxonomyTerm.id} = ${acteurTheme.termId}
      where ${acteurTheme.acteurId} = ${lieu.acteurId} and ${taxonomyTerm.taxonomy} = 'theme' and ${taxonomyTerm.slug} = ${filters.theme})`);
  }
  if (filters.commune?.trim()) {
    const spellings = communeSpellings(db, filters.commune);
    conditions.push(spellings.length ? inArray(lieu.commune, spellings) : sql`0`);
  }
  if (filters.categorie) conditions.push(eq(acteur.categorie, filters.categorie));
  return conditions;
}

/** The lieux matching the filters, with their acteur and its themes, by commune then name. */
export function listLieuxWithActeur(db: Db, filters: CarteFilters = {}): LieuWithActeur[] {
  const rows = db
    .select({
      lieu,
      acteur: {
        id: acteur.id,
        slug: acteur.slug,
        nom: acteur.nom,
        categorie: acteur.categorie,
        // The orientation gives the acteur's phone, email or site when the lieu gives none.
        telephone: acteur.telephone,
        courriel: acteur.courriel,
        siteWeb: acteur.siteWeb,
      },
    })
    .from(lieu)
    .innerJoin(acteur, eq(acteur.id, lieu.acteurId))
    .where(and(...filterConditions(db, filters)))
    .all();
  const acteurIds = [...new Set(rows.map((r) => r.acteur.id))];
  const themes = acteurIds.length
    ? db
        .select({ acteurId: acteurTheme.acteurId, slug: taxonomyTerm.slug, label: taxonomyTerm.label })
        .from(acteurTheme)
        .innerJoin(taxonomyTerm, eq(taxonomyTerm.id, acteurTheme.termId))
        .where(and(inArray(acteurTheme.acteurId, acteurIds), eq(taxonomyTerm.taxonomy, "theme")))
        .orderBy(asc(taxonomyTerm.position))
        .all()
    : [];
  const themesByActeur = new Map<number, { slug: string; label: string }[]>();
  for (const t of themes) {
    const list = themesByActeur.get(t.acteurId) ?? [];
    list.push({ slug: t.slug, label: t.label });
    themesByActeur.set(t.acteurId, list);
  }
  // Sorted here, not by SQLite: its collation is binary, and "BEGLES" and "Bègles" are one commune.
  // Keys are folded once per lieu, not once per comparison.
  return rows
    .map((r) => ({ key: searchFold(r.lieu.commune), item: { ...r.lieu, acteur: r.acteur, themes: themesByActeur.get(r.acteur.id) ?? [] } }))
    .sort((a, b) => collator.compare(a.key, b.key) || collator.compare(a.item.nom, b.item.nom) || a.item.id - b.item.id)
    .map((r) => r.item);
}

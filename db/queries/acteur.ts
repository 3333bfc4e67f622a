import { and, asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import type Database from "better-sqlite3";
import { foldText } from "@/lib/slug";
import type { Db } from "../client";
import { acteur, acteurTheme, lieu, membership, taxonomyTerm, user, type Acteur, type Lieu, type TaxonomyTerm } from "../schema";
import type { ActeurCategorie } from "@/lib/acteur/values";

export const ACTEURS_PAGE_SIZE = 50;

/** Lower case, no accents, punctuation as spaces: "Saint-Médard" and "saint medard" compare equal. */
export function searchFold(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, " ").trim();
}

// SQLite's lower() and LIKE only fold ASCII, so text filters go through this function instead.
// It is registered once per connection, on first use.
const withFold = new WeakSet<Database.Database>();
function ensureFold(db: Db): void {
  if (withFold.has(db.$client)) return;
  db.$client.function("wiki_fold", { deterministic: true }, (value: unknown) => (typeof value === "string" ? searchFold(value) : value));
  withFold.add(db.$client);
}

export type ActeurFilters = {
  categorie?: ActeurCategorie;
  /** Slug of a term of the "theme" taxonomy. */
  theme?: string;
  commune?: string;
  /** Free text matched against the name, the description and the communes of the lieux. */
  q?: string;
  page?: number;
};

export type ActeurListItem = Pick<Acteur, "id" | "slug" | "nom" | "categorie" | "typologie" | "description"> & {
  themes: Pick<TaxonomyTerm, "slug" | "label">[];
  communes: string[];
};

export type ActeurPage = { items: ActeurListItem[]; total: number; page: number; pageCount: number };

function filterConditions(filters: ActeurFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.categorie) conditions.push(eq(acteur.categorie, filters.categorie));
  if (filters.theme) {
    conditions.push(sql`exists (select 1 from ${acteurTheme} join ${taxonomyTerm} on ${taxonomyTerm.id} = ${acteurTheme.termId}
      where ${acteurTheme.acteurId} = ${acteur.id} and ${taxonomyTerm.taxonomy} = 'theme' and ${taxonomyTerm.slug} = ${filters.theme})`);
  }
  if (filters.commune?.trim()) {
    conditions.push(sql`exists (select 1 from ${lieu} where ${lieu.acteurId} = ${acteur.id}
      and wiki_fold(${lieu.commune}) = ${searchFold(filters.commune)})`);
  }
  // Every word must appear somewhere, so that "mediatheque merignac" narrows the list. Folded
  // words hold only [a-z0-9], so they carry no LIKE wildcard.
  const words = searchFold(filters.q ?? "").split(" ").filter(Boolean).slice(0, 8);
  for (const word of words) {
    const pattern = `%${word}%`;
    conditions.push(sql`(wiki_fold(${acteur.nom}) like ${pattern}
      or wiki_fold(${acteur.description}) like ${pattern}
      or exists (select 1 from ${lieu} where ${lieu.acteurId} = ${acteur.id} and wiki_fold(${lieu.commune}) like ${pattern}))`);
  }
  return conditions;
}

/** One page of the directory, filtered, in alphabetical order whatever the accents. */
export function listActeurs(db: Db, filters: ActeurFilters = {}, pageSize = ACTEURS_PAGE_SIZE): ActeurPage {
  ensureFold(db);
  const where = and(...filterConditions(filters));
  const total = db.select({ n: count() }).from(acteur).where(where).get()!.n;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(filters.page ?? 1)), pageCount);
  const rows = db
    .select({
      id: acteur.id,
      slug: acteur.slug,
      nom: acteur.nom,
      categorie: acteur.categorie,
      typologie: acteur.typologie,
      description: acteur.description,
    })
    .from(acteur)
    .where(where)
    .orderBy(sql`wiki_fold(${acteur.nom})`, asc(acteur.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const ids = rows.map((r) => r.id);
  const themes = ids.length
    ? db
        .select({ acteurId: acteurTheme.acteurId, slug: taxonomyTerm.slug, label: taxonomyTerm.label })
        .from(acteurTheme)
        .innerJoin(taxonomyTerm, eq(taxonomyTerm.id, acteurTheme.termId))
        .where(inArray(acteurTheme.acteurId, ids))
        .orderBy(asc(taxonomyTerm.position))
        .all()
    : [];
  const communes = ids.length
    ? db
        .selectDistinct({ acteurId: lieu.acteurId, commune: lieu.commune })
        .from(lieu)
        .where(inArray(lieu.acteurId, ids))
        .orderBy(asc(lieu.commune))
        .all()
    : [];
  const items = rows.map((row) => ({
    ...row,
    themes: themes.filter((t) => t.acteurId === row.id).map(({ slug, label }) => ({ slug, label })),
    communes: communes.filter((c) => c.acteurId === row.id).map((c) => c.commune),
  }));
  return { items, total, page, pageCount };
}

/** The communes where acteurs have a lieu, one spelling each (the most used), in French order. */
export function listCommunes(db: Db): string[] {
  const rows = db.select({ commune: lieu.commune, n: count() }).from(lieu).groupBy(lieu.commune).all();
  const best = new Map<string, { commune: string; n: number }>();
  for (const row of rows) {
    const key = searchFold(row.commune);
    const current = best.get(key);
    if (!current || row.n > current.n) best.set(key, row);
  }
  return [...best.values()].map((r) => r.commune).sort((a, b) => a.localeCompare(b, "fr"));
}

export type ActeurMember = { id: number; name: string };

export type ActeurDetails = Acteur & {
  themes: TaxonomyTerm[];
  lieux: Lieu[];
  members: ActeurMember[];
};

/** An acteur with its themes, its lieux and its members, or undefined. */
export function getActeurBySlug(db: Db, slug: string): ActeurDetails | undefined {
  const found = db.select().from(acteur).where(eq(acteur.slug, slug)).get();
  if (!found) return undefined;
  const themes = db
    .select({ term: taxonomyTerm })
    .from(acteurTheme)
    .innerJoin(taxonomyTerm, eq(taxonomyTerm.id, acteurTheme.termId))
    .where(eq(acteurTheme.acteurId, found.id))
    .orderBy(asc(taxonomyTerm.position))
    .all()
    .map((r) => r.term);
  const lieux = db.select().from(lieu).where(eq(lieu.acteurId, found.id)).orderBy(asc(lieu.nom), asc(lieu.id)).all();
  return { ...found, themes, lieux, members: listMembers(db, found.id) };
}

/** The members of an acteur, by name. */
export function listMembers(db: Db, acteurId: number): ActeurMember[] {
  return db
    .select({ id: user.id, name: user.name })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(eq(membership.acteurId, acteurId))
    .orderBy(asc(user.name), asc(user.id))
    .all();
}

/** The acteurs a user is a member of, by name. */
export function listActeursByMember(db: Db, userId: number): Pick<Acteur, "id" | "slug" | "nom">[] {
  return db
    .select({ id: acteur.id, slug: acteur.slug, nom: acteur.nom })
    .from(membership)
    .innerJoin(acteur, eq(acteur.id, membership.acteurId))
    .where(eq(membership.userId, userId))
    .all()
    .sort((a, b) => a.nom.localeCompare(b.nom, "fr"));
}

/** The acteur with this id, if any. */
export function getActeurById(db: Db, id: number): Acteur | undefined {
  return db.select().from(acteur).where(eq(acteur.id, id)).get();
}

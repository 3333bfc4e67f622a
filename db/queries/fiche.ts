import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import {
  acteur,
  fiche,
  ficheActeur,
  ficheLieu,
  ficheTerm,
  lieu,
  reprise,
  taxonomyTerm,
  type Fiche,
} from "../schema";
import { FICHE_ACTEUR_ROLES, FICHE_TYPES, type FicheActeurRole, type FicheStatut, type FicheType } from "@/lib/fiche/values";
import { TAXONOMIES, type Taxonomy } from "@/lib/taxonomy/values";
import type { Viewer } from "@/lib/policies/viewer";
import type { FicheAccessFacts } from "@/lib/policies/fiche";
import { fichesOfViewerWhere } from "./fiche-access";
import { countRepriseCommunes } from "./reprise";

/** What a list of fiches shows of each one. */
export type FicheSummary = {
  id: number;
  slug: string;
  type: FicheType;
  statut: FicheStatut;
  aVerifier: boolean;
  titre: string;
  commune: string | null;
  etat: string | null;
  /** A stub to complete. */
  ebauche: boolean;
  extrait: string;
  createdAt: Date;
  /** Confirmed themes, and themes the classifier suggested (`suggested`) that nobody has confirmed yet. */
  themes: { slug: string; label: string; suggested: boolean }[];
  /** Names of its acteurs, porteurs first, for the cards. */
  acteurs: string[];
  /** In how many communes acteurs declared they took it up (« Nous l'avons reprise »). */
  repriseCommunes: number;
};

export type TermRef = { id: number; slug: string; label: string };
/** A term of a fiche; `suggested`: a theme the classifier suggested, not confirmed yet. */
export type FicheTermRef = TermRef & { suggested: boolean };

/** A fiche with everything its page shows: acteurs with their roles, terms by taxonomy, lieux. */
export type FicheDetail = Fiche & {
  acteurs: { id: number; slug: string; nom: string; role: FicheActeurRole }[];
  terms: Record<Taxonomy, FicheTermRef[]>;
  lieux: { id: number; nom: string; adresse: string; codePostal: string; commune: string; acteurSlug: string; acteurNom: string }[];
  access: FicheAccessFacts;
};

/** Filters of the fiche list; slugs for terms and acteurs, so that URLs stay readable. */
export type FicheFilters = {
  type?: FicheType;
  theme?: string;
  public?: string;
  acteur?: string;
  commune?: string;
  etat?: string;
  /** Leave out the themes nobody has confirmed: `theme` then matches confirmed themes only. */
  sansSuggeres?: boolean;
  /** Only the stubs (true), or only the fiches that are not (false). */
  ebauche?: boolean;
  /** "oui": only the fiches that at least one acteur declared it took up. */
  reprise?: "oui";
  /** Defaults to "publiee". Drafts are those of the viewer: their own and those of their acteurs. */
  statut?: FicheStatut;
  page?: number;
  pageSize?: number;
};

export type FichePage = { items: FicheSummary[]; total: number; page: number; pageSize: number; pageCount: number };

/** The columns a FicheSummary is built from (see withThemes). */
export const ficheSummaryColumns = {
  id: fiche.id,
  slug: fiche.slug,
  type: fiche.type,
  statut: fiche.statut,
  aVerifier: fiche.aVerifier,
  titre: fiche.titre,
  commune: fiche.commune,
  etat: fiche.etat,
  ebauche: fiche.ebauche,
  fields: fiche.fields,
  createdAt: fiche.createdAt,
};

type SummaryRow = { [K in keyof typeof ficheSummaryColumns]: (typeof fiche.$inferSelect)[K] };

/** Summaries of these fiche rows, with their themes and the names of their acteurs. */
export function withThemes(db: Db, rows: SummaryRow[]): FicheSummary[] {
  const ids = rows.map((r) => r.id);
  const themes = ids.length
    ? db
        .select({ ficheId: ficheTerm.ficheId, slug: taxonomyTerm.slug, label: taxonomyTerm.label, suggested: ficheTerm.suggested })
        .from(ficheTerm)
        .innerJoin(taxonomyTerm, eq(taxonomyTerm.id, ficheTerm.termId))
        .where(and(inArray(ficheTerm.ficheId, ids), eq(taxonomyTerm.taxonomy, "theme")))
        .orderBy(asc(taxonomyTerm.position))
        .all()
    : [];
  const acteurs = ids.length
    ? db
        .select({ ficheId: ficheActeur.ficheId, nom: acteur.nom })
        .from(ficheActeur)
        .innerJoin(acteur, eq(acteur.id, ficheActeur.acteurId))
        .where(inArray(ficheActeur.ficheId, ids))
        .orderBy(sql`${ficheActeur.role} <> 'porteur'`, asc(acteur.nom))
        .all()
    : [];
  const repriseCommunes = countRepriseCommunes(db, ids);
  return rows.map(({ fields, ...row }) => ({
    ...row,
    extrait: typeof fields.extrait === "string" ? fields.extrait : "",
    themes: themes.filter((t) => t.ficheId === row.id).map(({ slug, label, suggested }) => ({ slug, label, suggested })),
    acteurs: acteurs.filter((a) => a.ficheId === row.id).map((a) => a.nom),
    repriseCommunes: repriseCommunes.get(row.id) ?? 0,
  }));
}

/** A fiche the public lists see: published and not hidden by a moderator (merged fiches are archived). */
export function isListed(): SQL {
  return and(eq(fiche.statut, "publiee"), eq(fiche.masquee, false))!;
}

function hasTerm(taxonomy: Taxonomy, slug: string, confirmedOnly = false): SQL {
  return sql`exists (select 1 from ${ficheTerm} inner join ${taxonomyTerm} on ${taxonomyTerm.id} = ${ficheTerm.termId}
    where ${ficheTerm.ficheId} = ${fiche.id} and ${taxonomyTerm.taxonomy} = ${taxonomy} and ${taxonomyTerm.slug} = ${slug}
    ${confirmedOnly ? sql`and ${ficheTerm.suggested} = 0` : sql``})`;
}

function filterConditions(filters: FicheFilters, viewer: Viewer | null): SQL | null {
  const statut = filters.statut ?? "publiee";
  if (statut === "brouillon" && !viewer) return null;
  // A fiche hidden by a moderator is never listed: moderators reach it through moderation.
  const conditions: SQL[] = [eq(fiche.statut, statut), eq(fiche.masquee, false)];
  // Drafts a viewer works on, not all they may read: a moderator's list is theirs too.
  if (statut === "brouillon") conditions.push(fichesOfViewerWhere(viewer!));
  if (filters.type) conditions.push(eq(fiche.type, filters.type));
  if (filters.theme) conditions.push(hasTerm("theme", filters.theme, filters.sansSuggeres));
  if (filters.ebauche !== undefined) conditions.push(eq(fiche.ebauche, filters.ebauche));
  if (filters.public) conditions.push(hasTerm("public", filters.public));
  if (filters.etat) conditions.push(eq(fiche.etat, filters.etat));
  if (filters.reprise === "oui") conditions.push(sql`exists (select 1 from ${reprise} where ${reprise.ficheId} = ${fiche.id})`);
  if (filters.commune) conditions.push(sql`lower(${fiche.commune}) = lower(${filters.commune.trim()})`);
  if (filters.acteur) {
    conditions.push(
      sql`exists (select 1 from ${ficheActeur} inner join ${acteur} on ${acteur.id} = ${ficheActeur.acteurId}
        where ${ficheActeur.ficheId} = ${fiche.id} and ${acteur.slug} = ${filters.acteur})`,
    );
  }
  return and(...conditions)!;
}

/** One page of fiches matching the filters, newest first; published ones unless asked otherwise. */
export function listFiches(db: Db, filters: FicheFilters, viewer: Viewer | null): FichePage {
  const pageSize = Math.min(Math.max(filters.pageSize ?? 20, 1), 100);
  const where = filterConditions(filters, viewer);
  if (!where) return { items: [], total: 0, page: 1, pageSize, pageCount: 0 };
  const total = db.select({ n: count() }).from(fiche).where(where).get()!.n;
  const pageCount = Math.ceil(total / pageSize);
  const page = Math.min(Math.max(Math.trunc(filters.page ?? 1), 1), Math.max(pageCount, 1));
  const rows = db
    .select(ficheSummaryColumns)
    .from(fiche)
    .where(where)
    .orderBy(desc(fiche.createdAt), desc(fiche.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  return { items: withThemes(db, rows), total, page, pageSize, pageCount };
}

/** A fiche with its acteurs, terms and lieux, whatever its statut: the caller applies canReadFiche. */
export function getFicheBySlug(db: Db, slug: string): FicheDetail | null {
  const row = db.select().from(fiche).where(eq(fiche.slug, slug)).get();
  if (!row) return null;
  const acteurs = db
    .select({ id: acteur.id, slug: acteur.slug, nom: acteur.nom, role: ficheActeur.role })
    .from(ficheActeur)
    .innerJoin(acteur, eq(acteur.id, ficheActeur.acteurId))
    .where(eq(ficheActeur.ficheId, row.id))
    .orderBy(asc(acteur.nom))
    .all();
  const termRows = db
    .select({ id: taxonomyTerm.id, slug: taxonomyTerm.slug, label: taxonomyTerm.label, taxonomy: taxonomyTerm.taxonomy, suggested: ficheTerm.suggested })
    .from(ficheTerm)
    .innerJoin(taxonomyTerm, eq(taxonomyTerm.id, ficheTerm.termId))
    .where(eq(ficheTerm.ficheId, row.id))
    .orderBy(asc(taxonomyTerm.position), asc(taxonomyTerm.label))
    .all();
  const terms = Object.fromEntries(
    TAXONOMIES.map((t) => [t, termRows.filter((r) => r.taxonomy === t).map(({ id, slug, label, suggested }) => ({ id, slug, label, suggested }))]),
  ) as Record<Taxonomy, FicheTermRef[]>;
  const lieux = db
    .select({
      id: lieu.id,
      nom: lieu.nom,
      adresse: lieu.adresse,
      codePostal: lieu.codePostal,
      commune: lieu.commune,
      acteurSlug: acteur.slug,
      acteurNom: acteur.nom,
    })
    .from(ficheLieu)
    .innerJoin(lieu, eq(lieu.id, ficheLieu.lieuId))
    .innerJoin(acteur, eq(acteur.id, lieu.acteurId))
    .where(eq(ficheLieu.ficheId, row.id))
    .orderBy(asc(lieu.nom))
    .all();
  const porteurIds = acteurs.filter((a) => a.role === "porteur").map((a) => a.id).sort((a, b) => a - b);
  return {
    ...row,
    acteurs,
    terms,
    lieux,
    access: { statut: row.statut, verrouillee: row.verrouillee, createdBy: row.createdBy, porteurIds, masquee: row.masquee },
  };
}

export type FichesByRole = Record<FicheActeurRole, FicheSummary[]>;

/** The published fiches an acteur takes part in, grouped by its role. */
export function listFichesByActeur(db: Db, acteurId: number): FichesByRole {
  const rows = db
    .select({ ...ficheSummaryColumns, role: ficheActeur.role })
    .from(ficheActeur)
    .innerJoin(fiche, eq(fiche.id, ficheActeur.ficheId))
    .where(and(eq(ficheActeur.acteurId, acteurId), isListed()))
    .orderBy(desc(fiche.createdAt), desc(fiche.id))
    .all();
  const summaries = withThemes(db, rows.map(({ role: _role, ...r }) => r));
  const grouped = Object.fromEntries(FICHE_ACTEUR_ROLES.map((role) => [role, [] as FicheSummary[]])) as Record<FicheActeurRole, FicheSummary[]>;
  rows.forEach((r, i) => grouped[r.role].push(summaries[i]));
  return grouped;
}

/** The latest published fiches, for the home page. */
export function listLatestFiches(db: Db, limit = 6): FicheSummary[] {
  const rows = db.select(ficheSummaryColumns).from(fiche).where(isListed()).orderBy(desc(fiche.createdAt), desc(fiche.id)).limit(limit).all();
  return withThemes(db, rows);
}

/** How many published fiches there are of each type. */
export function countPublishedFichesByType(db: Db): Record<FicheType, number> {
  const rows = db.select({ type: fiche.type, n: count() }).from(fiche).where(isListed()).groupBy(fiche.type).all();
  return Object.fromEntries(FICHE_TYPES.map((t) => [t, rows.find((r) => r.type === t)?.n ?? 0])) as Record<FicheType, number>;
}

/** The communes named by published fiches, for the list's filter. */
export function listFicheCommunes(db: Db): string[] {
  return db
    .selectDistinct({ commune: fiche.commune })
    .from(fiche)
    .where(and(isListed(), sql`${fiche.commune} is not null`))
    .orderBy(asc(fiche.commune))
    .all()
    .map((r) => r.commune!);
}

/** The acteurs linked to at least one published fiche, for the list's filter. */
export function listActeursWithFiches(db: Db): { slug: string; nom: string }[] {
  return db
    .selectDistinct({ slug: acteur.slug, nom: acteur.nom })
    .from(ficheActeur)
    .innerJoin(acteur, eq(acteur.id, ficheActeur.acteurId))
    .innerJoin(fiche, eq(fiche.id, ficheActeur.ficheId))
    .where(isListed())
    .orderBy(asc(acteur.nom))
    .all();
}

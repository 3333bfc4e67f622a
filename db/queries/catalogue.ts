import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { catalogue, catalogueItem, catalogueModule, catalogueOwner, fiche, user, type Catalogue } from "../schema";
import type { CatalogueStatut } from "@/lib/catalogue/values";
import type { FicheType } from "@/lib/fiche/values";
import { searchFold } from "./acteur";
import type { Viewer } from "@/lib/policies/viewer";
import { canReadCatalogue, type CatalogueAccessFacts } from "@/lib/policies/catalogue";
import { readableFichesWhere } from "./fiche-access";

/** A fiche as a catalogue shows it; `html` and `texte` are empty unless the content was asked for. */
export type CatalogueFiche = {
  id: number;
  slug: string;
  titre: string;
  type: FicheType;
  source: string;
  lienWeb: string;
  html: string;
  texte: string;
};

/** An item of a module; `fiche` is null when the viewer may not read it (a draft of others, hidden by a moderator). */
export type CatalogueItemDetail = { id: number; position: number; note: string; duree: string; ficheId: number; fiche: CatalogueFiche | null };

export type CatalogueModuleDetail = { id: number; titre: string; description: string; position: number; items: CatalogueItemDetail[] };

/** A catalogue with its owners, the catalogue it was adapted from, and its modules in order. */
export type CatalogueDetail = Catalogue & {
  owners: { id: number; name: string }[];
  access: CatalogueAccessFacts;
  /** The catalogue it was adapted from, when the viewer may still read it. */
  original: { slug: string; titre: string } | null;
  modules: CatalogueModuleDetail[];
};

/** What a list of catalogues shows of each one. */
export type CatalogueSummary = Pick<Catalogue, "id" | "slug" | "titre" | "description" | "publicVise" | "duree" | "statut" | "updatedAt"> & {
  owners: string[];
  moduleCount: number;
  ficheCount: number;
};

export type CataloguePage = { items: CatalogueSummary[]; total: number; page: number; pageCount: number };

export const CATALOGUES_PAGE_SIZE = 20;

function ownersOf(db: Db, catalogueIds: number[]): Map<number, { id: number; name: string }[]> {
  const owners = new Map<number, { id: number; name: string }[]>();
  if (catalogueIds.length === 0) return owners;
  const rows = db
    .select({ catalogueId: catalogueOwner.catalogueId, id: user.id, name: user.name })
    .from(catalogueOwner)
    .innerJoin(user, eq(user.id, catalogueOwner.userId))
    .where(inArray(catalogueOwner.catalogueId, catalogueIds))
    .orderBy(asc(user.name), asc(user.id))
    .all();
  for (const { catalogueId, ...owner } of rows) owners.set(catalogueId, [...(owners.get(catalogueId) ?? []), owner]);
  return owners;
}

/** What the catalogue policies need to know of a catalogue; null when it does not exist. */
export function getCatalogueAccessFacts(db: Db | Tx, catalogueId: number): CatalogueAccessFacts | null {
  const row = db.select({ statut: catalogue.statut }).from(catalogue).where(eq(catalogue.id, catalogueId)).get();
  if (!row) return null;
  const ownerIds = db
    .select({ userId: catalogueOwner.userId })
    .from(catalogueOwner)
    .where(eq(catalogueOwner.catalogueId, catalogueId))
    .all()
    .map((o) => o.userId)
    .sort((a, b) => a - b);
  return { statut: row.statut, ownerIds };
}

/**
 * The fiches among `ids` that this viewer may read, by id: hidden fiches only for moderators, drafts
 * only for those canReadFiche lets in (readableFichesWhere). The others are left out, so that their content never leaks.
 */
export function getReadableFiches(db: Pick<Db, "select">, ids: number[], viewer: Viewer | null, withContent = false): Map<number, CatalogueFiche> {
  const found = new Map<number, CatalogueFiche>();
  if (ids.length === 0) return found;
  const rows = db
    .select({
      id: fiche.id,
      slug: fiche.slug,
      titre: fiche.titre,
      type: fiche.type,
      fields: fiche.fields,
      // The page lists titles only: the bodies are read for the print layout and the PDF.
      html: withContent ? fiche.html : sql<string>`''`,
      texte: withContent ? fiche.texte : sql<string>`''`,
    })
    .from(fiche)
    .where(and(inArray(fiche.id, ids), readableFichesWhere(viewer)))
    .all();
  for (const row of rows) {
    const fields = row.fields as { source?: unknown; lienWeb?: unknown };
    found.set(row.id, {
      id: row.id,
      slug: row.slug,
      titre: row.titre,
      type: row.type,
      source: typeof fields.source === "string" ? fields.source : "",
      lienWeb: typeof fields.lienWeb === "string" ? fields.lienWeb : "",
      html: row.html,
      texte: row.texte,
    });
  }
  return found;
}

/**
 * A catalogue with its owners and modules, whatever its statut: the caller applies canReadCatalogue
 * to `access`. Items whose fiche the viewer may not read come with `fiche: null`. `content` adds
 * each fiche's html and text, for the print layout and the PDF.
 */
export function getCatalogueBySlug(db: Db, slug: string, viewer: Viewer | null, options: { content?: boolean } = {}): CatalogueDetail | null {
  const row = db.select().from(catalogue).where(eq(catalogue.slug, slug)).get();
  if (!row) return null;
  const owners = ownersOf(db, [row.id]).get(row.id) ?? [];
  const modules = db
    .select({ id: catalogueModule.id, titre: catalogueModule.titre, description: catalogueModule.description, position: catalogueModule.position })
    .from(catalogueModule)
    .where(eq(catalogueModule.catalogueId, row.id))
    .orderBy(asc(catalogueModule.position), asc(catalogueModule.id))
    .all();
  const items = modules.length
    ? db
        .select({
          id: catalogueItem.id,
          moduleId: catalogueItem.moduleId,
          position: catalogueItem.position,
          note: catalogueItem.note,
          duree: catalogueItem.duree,
          ficheId: catalogueItem.ficheId,
        })
        .from(catalogueItem)
        .where(inArray(catalogueItem.moduleId, modules.map((m) => m.id)))
        .orderBy(asc(catalogueItem.position), asc(catalogueItem.id))
        .all()
    : [];
  const fiches = getReadableFiches(db, [...new Set(items.map((i) => i.ficheId))], viewer, options.content ?? false);
  let original: CatalogueDetail["original"] = null;
  if (row.originalId !== null) {
    const source = db.select({ slug: catalogue.slug, titre: catalogue.titre }).from(catalogue).where(eq(catalogue.id, row.originalId)).get();
    const facts = source ? getCatalogueAccessFacts(db, row.originalId) : null;
    if (source && facts && canReadCatalogue(viewer, facts)) original = source;
  }
  return {
    ...row,
    owners,
    access: { statut: row.statut, ownerIds: owners.map((o) => o.id).sort((a, b) => a - b) },
    original,
    modules: modules.map((m) => ({
      ...m,
      items: items
        .filter((i) => i.moduleId === m.id)
        .map(({ moduleId: _moduleId, ...i }) => ({ ...i, fiche: fiches.get(i.ficheId) ?? null })),
    })),
  };
}

function summarize(db: Db, rows: Omit<CatalogueSummary, "owners" | "moduleCount" | "ficheCount">[]): CatalogueSummary[] {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const owners = ownersOf(db, ids);
  const modules = db
    .select({ catalogueId: catalogueModule.catalogueId, n: count() })
    .from(catalogueModule)
    .where(inArray(catalogueModule.catalogueId, ids))
    .groupBy(catalogueModule.catalogueId)
    .all();
  const fiches = db
    .select({ catalogueId: catalogueModule.catalogueId, n: count() })
    .from(catalogueItem)
    .innerJoin(catalogueModule, eq(catalogueModule.id, catalogueItem.moduleId))
    .where(inArray(catalogueModule.catalogueId, ids))
    .groupBy(catalogueModule.catalogueId)
    .all();
  return rows.map((r) => ({
    ...r,
    owners: (owners.get(r.id) ?? []).map((o) => o.name),
    moduleCount: modules.find((m) => m.catalogueId === r.id)?.n ?? 0,
    ficheCount: fiches.find((f) => f.catalogueId === r.id)?.n ?? 0,
  }));
}

const summaryColumns = {
  id: catalogue.id,
  slug: catalogue.slug,
  titre: catalogue.titre,
  description: catalogue.description,
  publicVise: catalogue.publicVise,
  duree: catalogue.duree,
  statut: catalogue.statut,
  updatedAt: catalogue.updatedAt,
};

/**
 * One page of public catalogues, most recently updated first. `q` keeps those whose title,
 * description, public or objectives hold every word, accents and case ignored; title matches first.
 */
export function listPublicCatalogues(db: Db, { q, page = 1, pageSize = CATALOGUES_PAGE_SIZE }: { q?: string; page?: number; pageSize?: number } = {}): CataloguePage {
  const rows = db
    .select({ ...summaryColumns, objectifs: catalogue.objectifs })
    .from(catalogue)
    .where(eq(catalogue.statut, "public" satisfies CatalogueStatut))
    .orderBy(desc(catalogue.updatedAt), desc(catalogue.id))
    .all();
  // Folding accents is not something SQLite's LIKE does; public catalogues are few enough to scan.
  const words = searchFold(q ?? "").split(" ").filter(Boolean).slice(0, 8);
  let matching = rows;
  if (words.length) {
    const scored = rows
      .map((r) => {
        const titre = searchFold(r.titre);
        const all = `${titre} ${searchFold(r.description)} ${searchFold(r.publicVise)} ${searchFold(r.objectifs)}`;
        return { r, match: words.every((w) => all.includes(w)), inTitle: words.every((w) => titre.includes(w)) };
      })
      .filter((s) => s.match);
    matching = [...scored.filter((s) => s.inTitle), ...scored.filter((s) => !s.inTitle)].map((s) => s.r);
  }
  const total = matching.length;
  const pageCount = Math.ceil(total / pageSize);
  const current = Math.min(Math.max(Math.trunc(page), 1), Math.max(pageCount, 1));
  const slice = matching.slice((current - 1) * pageSize, current * pageSize).map(({ objectifs: _objectifs, ...r }) => r);
  return { items: summarize(db, slice), total, page: current, pageCount };
}

/** The catalogues a person owns or co-owns, drafts included, most recently updated first. */
export function listCataloguesByOwner(db: Db, userId: number): CatalogueSummary[] {
  const rows = db
    .select(summaryColumns)
    .from(catalogueOwner)
    .innerJoin(catalogue, eq(catalogue.id, catalogueOwner.catalogueId))
    .where(eq(catalogueOwner.userId, userId))
    .orderBy(desc(catalogue.updatedAt), desc(catalogue.id))
    .all();
  return summarize(db, rows);
}

export type CatalogueIncludingFiche = { slug: string; titre: string; owners: string[] };

/** The public catalogues that include a fiche, in alphabetical order, with their owners' names. */
export function listPublicCataloguesIncludingFiche(db: Db, ficheId: number): CatalogueIncludingFiche[] {
  const rows = db
    .selectDistinct({ id: catalogue.id, slug: catalogue.slug, titre: catalogue.titre })
    .from(catalogueItem)
    .innerJoin(catalogueModule, eq(catalogueModule.id, catalogueItem.moduleId))
    .innerJoin(catalogue, eq(catalogue.id, catalogueModule.catalogueId))
    .where(and(eq(catalogueItem.ficheId, ficheId), eq(catalogue.statut, "public")))
    .orderBy(asc(catalogue.titre), asc(catalogue.id))
    .all();
  const owners = ownersOf(db, rows.map((r) => r.id));
  return rows.map(({ id, ...r }) => ({ ...r, owners: (owners.get(id) ?? []).map((o) => o.name) }));
}

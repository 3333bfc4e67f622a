import { and, asc, count, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { acteur, fiche, ficheActeur, ficheLieu, ficheTerm, lieu, taxonomyTerm, type Fiche } from "../schema";
import type { ActeurCategorie } from "@/lib/acteur/values";
import type { FicheActeurRole } from "@/lib/fiche/values";
import type { Taxonomy } from "@/lib/taxonomy/values";

/** An acteur of an exported fiche: what another wiki needs to find or recreate it. */
export type ExportActeurRef = { slug: string; nom: string; categorie: ActeurCategorie; typologie: string; role: FicheActeurRole };
export type ExportTermRef = { taxonomy: Taxonomy; slug: string; label: string; suggested: boolean };
export type ExportLieuRef = { nom: string; adresse: string; codePostal: string; commune: string; acteurSlug: string; acteurNom: string };

/** A fiche's projection rows, as exports read them. */
export type ExportFicheRow = Fiche & { acteurs: ExportActeurRef[]; terms: ExportTermRef[]; lieux: ExportLieuRef[] };

/**
 * Exports give the public face of the wiki: published and archived fiches, never a draft, a fiche
 * hidden by a moderator or one merged into another (its page redirects).
 */
function exportable(): SQL {
  return and(inArray(fiche.statut, ["publiee", "archivee"]), eq(fiche.masquee, false), isNull(fiche.redirectToId))!;
}

function byFiche<T extends { ficheId: number }>(rows: T[]): Map<number, Omit<T, "ficheId">[]> {
  const grouped = new Map<number, Omit<T, "ficheId">[]>();
  for (const { ficheId, ...rest } of rows) {
    const list = grouped.get(ficheId);
    if (list) list.push(rest);
    else grouped.set(ficheId, [rest]);
  }
  return grouped;
}

function withLinks(db: Db, rows: Fiche[]): ExportFicheRow[] {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const acteurs = db
    .select({ ficheId: ficheActeur.ficheId, slug: acteur.slug, nom: acteur.nom, categorie: acteur.categorie, typologie: acteur.typologie, role: ficheActeur.role })
    .from(ficheActeur)
    .innerJoin(acteur, eq(acteur.id, ficheActeur.acteurId))
    .where(inArray(ficheActeur.ficheId, ids))
    .orderBy(asc(acteur.nom), asc(acteur.id))
    .all();
  const terms = db
    .select({ ficheId: ficheTerm.ficheId, taxonomy: taxonomyTerm.taxonomy, slug: taxonomyTerm.slug, label: taxonomyTerm.label, suggested: ficheTerm.suggested })
    .from(ficheTerm)
    .innerJoin(taxonomyTerm, eq(taxonomyTerm.id, ficheTerm.termId))
    .where(inArray(ficheTerm.ficheId, ids))
    .orderBy(asc(taxonomyTerm.taxonomy), asc(taxonomyTerm.position), asc(taxonomyTerm.slug))
    .all();
  const lieux = db
    .select({
      ficheId: ficheLieu.ficheId,
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
    .where(inArray(ficheLieu.ficheId, ids))
    .orderBy(asc(lieu.nom), asc(lieu.id))
    .all();
  const acteursOf = byFiche(acteurs);
  const termsOf = byFiche(terms);
  const lieuxOf = byFiche(lieux);
  return rows.map((row) => ({ ...row, acteurs: acteursOf.get(row.id) ?? [], terms: termsOf.get(row.id) ?? [], lieux: lieuxOf.get(row.id) ?? [] }));
}

/** Every exportable fiche with its acteurs, terms and lieux, oldest first so that an export reads in a stable order. */
export function listExportableFiches(db: Db): ExportFicheRow[] {
  const rows = db.select().from(fiche).where(exportable()).orderBy(asc(fiche.createdAt), asc(fiche.id)).all();
  return withLinks(db, rows);
}

/** One exportable fiche by slug, or null for an unknown, draft, hidden or merged one. */
export function getExportableFicheBySlug(db: Db, slug: string): ExportFicheRow | null {
  const row = db.select().from(fiche).where(and(eq(fiche.slug, slug), exportable())).get();
  return row ? withLinks(db, [row])[0] : null;
}

/** How many fiches an export holds. */
export function countExportableFiches(db: Db): number {
  return db.select({ n: count() }).from(fiche).where(exportable()).get()!.n;
}

import type { Db } from "@/db/client";
import { getFicheBySlug, listFiches, type FicheDetail, type FicheSummary, type FicheTermRef, type TermRef } from "@/db/queries/fiche";
import type { FicheStatut, FicheType } from "@/lib/fiche/values";
import type { EtatAction } from "@/lib/fiche/document";
import type { Viewer } from "@/lib/policies/viewer";
import { canReadFiche } from "@/lib/policies/fiche";
import { publicUrl } from "@/server/config";
import type { FicheFields } from "@/server/fiche-projection";
import { notFound } from "./http";

// How the API shows fiches. Field names are those a PATCH takes, so that what is read can be
// written back; texts are "" when empty, as in the fiche's document.

const iso = (date: Date | null) => (date ? date.toISOString() : null);
function termRef(term: FicheTermRef): TermRef;
function termRef(term: FicheTermRef | undefined): TermRef | null;
function termRef(term: FicheTermRef | undefined): TermRef | null {
  return term ? { id: term.id, slug: term.slug, label: term.label } : null;
}

/** A fiche as GET /api/v1/fiches/{slug} returns it. */
export function ficheResource(fiche: FicheDetail) {
  const fields = fiche.fields as Partial<FicheFields>;
  return {
    id: fiche.id,
    slug: fiche.slug,
    type: fiche.type,
    statut: fiche.statut,
    verrouillee: fiche.verrouillee,
    aVerifier: fiche.aVerifier,
    titre: fiche.titre,
    commune: fiche.commune ?? "",
    quartier: fields.quartier ?? "",
    lienWeb: fields.lienWeb ?? "",
    source: fields.source ?? "",
    etat: fiche.etat as EtatAction | null,
    ebauche: fiche.ebauche,
    objectif: termRef(fiche.terms.objectif[0]),
    // Confirmed and suggested apart, as a PATCH takes them: writing back what was read confirms nothing.
    themes: fiche.terms.theme.filter((t) => !t.suggested).map(termRef),
    themesSuggeres: fiche.terms.theme.filter((t) => t.suggested).map(termRef),
    publics: fiche.terms.public.map(termRef),
    enjeux: fiche.terms.enjeu.map(termRef),
    acteurs: fiche.acteurs.map((a) => ({ id: a.id, slug: a.slug, nom: a.nom, role: a.role })),
    lieux: fiche.lieux.map((l) => ({
      id: l.id,
      nom: l.nom,
      adresse: l.adresse,
      codePostal: l.codePostal,
      commune: l.commune,
      acteur: { slug: l.acteurSlug, nom: l.acteurNom },
    })),
    extrait: fields.extrait ?? "",
    html: fiche.html,
    text: fiche.texte,
    createdAt: iso(fiche.createdAt),
    updatedAt: iso(fiche.updatedAt),
    contentUpdatedAt: iso(fiche.contentUpdatedAt),
    url: `${publicUrl()}/fiches/${fiche.slug}`,
  };
}

/** A fiche as the list GET /api/v1/fiches returns it. */
export function ficheSummaryResource(fiche: FicheSummary) {
  return {
    id: fiche.id,
    slug: fiche.slug,
    type: fiche.type,
    statut: fiche.statut,
    aVerifier: fiche.aVerifier,
    titre: fiche.titre,
    commune: fiche.commune ?? "",
    etat: fiche.etat as EtatAction | null,
    ebauche: fiche.ebauche,
    extrait: fiche.extrait,
    themes: fiche.themes,
    createdAt: iso(fiche.createdAt),
    url: `${publicUrl()}/fiches/${fiche.slug}`,
  };
}

/**
 * The fiche with this slug if the viewer may read it: a draft only for its author, its porteurs'
 * members and moderators (canReadFiche, as on its page); a fiche hidden by a moderator only for
 * moderators. Otherwise 404, so that its existence is not disclosed.
 */
export function findReadableFiche(db: Db, viewer: Viewer | null, slug: string): FicheDetail {
  const fiche = getFicheBySlug(db, slug);
  if (!fiche || !canReadFiche(viewer, fiche.access)) throw notFound(`Fiche "${slug}"`);
  return fiche;
}

export type FicheListQuery = {
  type?: FicheType;
  theme?: string;
  public?: string;
  acteur?: string;
  commune?: string;
  etat?: EtatAction;
  statut?: FicheStatut;
  page: number;
  per_page: number;
};

/** One page of fiches for the API: published ones unless `statut` says otherwise (drafts: the viewer's own). */
export function listFichesForApi(db: Db, viewer: Viewer | null, query: FicheListQuery) {
  const { page, per_page: perPage, ...filters } = query;
  const result = listFiches(db, { ...filters, page, pageSize: perPage }, viewer);
  // listFiches shows the last page for a page past it; the API answers such a page empty.
  const items = result.page === page ? result.items.map(ficheSummaryResource) : [];
  return { items, page, perPage, total: result.total };
}

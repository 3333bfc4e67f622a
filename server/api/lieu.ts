import type { Db } from "@/db/client";
import { listLieux, type LieuWithActeur } from "@/db/queries/lieu-directory";
import type { Acteur, Lieu } from "@/db/schema";
import { publicUrl } from "@/server/config";

/** A lieu as the API returns it: the fields of the national "schéma des lieux de médiation numérique", and its acteur. */
export function lieuResource(lieu: Lieu, acteur: Pick<Acteur, "slug" | "nom">) {
  return {
    id: lieu.id,
    nom: lieu.nom,
    adresse: lieu.adresse,
    complementAdresse: lieu.complementAdresse,
    codePostal: lieu.codePostal,
    commune: lieu.commune,
    codeInsee: lieu.codeInsee,
    latitude: lieu.latitude,
    longitude: lieu.longitude,
    telephone: lieu.telephone,
    courriels: lieu.courriels,
    siteWeb: lieu.siteWeb,
    horaires: lieu.horaires,
    services: lieu.services,
    publicsSpecifiquementAdresses: lieu.publicsSpecifiquementAdresses,
    priseEnChargeSpecifique: lieu.priseEnChargeSpecifique,
    fraisACharge: lieu.fraisACharge,
    modalitesAcces: lieu.modalitesAcces,
    modalitesAccompagnement: lieu.modalitesAccompagnement,
    itinerance: lieu.itinerance,
    presentationResume: lieu.presentationResume,
    presentationDetail: lieu.presentationDetail,
    updatedAt: lieu.updatedAt.toISOString(),
    acteur: { slug: acteur.slug, nom: acteur.nom, url: `${publicUrl()}/acteurs/${acteur.slug}` },
  };
}

export type LieuListQuery = { commune?: string; service?: string; acteur?: string; page: number; per_page: number };

/** One page of lieux for the API. */
export function listLieuxForApi(db: Db, query: LieuListQuery) {
  const { page, per_page: perPage, ...filters } = query;
  const result = listLieux(db, filters, page, perPage);
  const items = result.items.map((l: LieuWithActeur) => lieuResource(l, { slug: l.acteurSlug, nom: l.acteurNom }));
  return { items, page, perPage, total: result.total };
}

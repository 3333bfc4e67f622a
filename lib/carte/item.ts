/** What the map and its linked list show of a lieu: no more than the browser needs. */
export type CarteItem = {
  id: number;
  nom: string;
  adresse: string;
  complementAdresse: string | null;
  codePostal: string;
  commune: string;
  latitude: number | null;
  longitude: number | null;
  telephone: string | null;
  services: string[];
  /** Publics specifically addressed, then specific support. */
  publics: string[];
  acteur: { slug: string; nom: string };
};

/** What the map reads of a stored lieu and its acteur; db/queries/carte's LieuWithActeur has it all. */
export type CarteLieu = Omit<CarteItem, "publics"> & {
  publicsSpecifiquementAdresses: string[];
  priseEnChargeSpecifique: string[];
};

/** The map's view of a lieu. */
export function toCarteItem(lieu: CarteLieu): CarteItem {
  return {
    id: lieu.id,
    nom: lieu.nom,
    adresse: lieu.adresse,
    complementAdresse: lieu.complementAdresse,
    codePostal: lieu.codePostal,
    commune: lieu.commune,
    latitude: lieu.latitude,
    longitude: lieu.longitude,
    telephone: lieu.telephone,
    services: lieu.services,
    publics: [...lieu.publicsSpecifiquementAdresses, ...lieu.priseEnChargeSpecifique],
    acteur: { slug: lieu.acteur.slug, nom: lieu.acteur.nom },
  };
}

/** The acteur page's anchor for one of its lieux. */
export function lieuHref(item: Pick<CarteItem, "id" | "acteur">): string {
  return `/acteurs/${item.acteur.slug}#lieu-${item.id}`;
}

/** A tel: link for a phone number as typed ("05 56 12 34 56"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

/** Whether the lieu can be placed on the map. */
export function isPlaced(item: Pick<CarteItem, "latitude" | "longitude">): item is { latitude: number; longitude: number } {
  return item.latitude !== null && item.longitude !== null;
}

/** Bordeaux, where the map opens when no lieu is placed yet. */
export const DEFAULT_CENTER: [number, number] = [44.8378, -0.5792];

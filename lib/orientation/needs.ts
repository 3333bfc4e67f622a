import { LIEU_PRISES_EN_CHARGE_SPECIFIQUES, LIEU_PUBLICS_SPECIFIQUEMENT_ADRESSES, LIEU_SERVICES } from "@/lib/lieu/labels";
import { slugify } from "@/lib/slug";

// Lieux speak the national schema's lists; fiches are classed by the wiki's own themes and publics.
// These correspondences bridge the two, in one visible place: the orientation uses them to find the
// fiches of a need, the coverage view to count fiches by public and service.

export type LieuService = (typeof LIEU_SERVICES)[number];
export type LieuPublic = (typeof LIEU_PUBLICS_SPECIFIQUEMENT_ADRESSES)[number];
export type LieuPriseEnCharge = (typeof LIEU_PRISES_EN_CHARGE_SPECIFIQUES)[number];

/** The wiki's themes (slugs) that cover each national service. */
export const SERVICE_THEMES: Record<LieuService, string[]> = {
  "Acquisition de matériel informatique à prix solidaire": ["e-inclusion"],
  "Aide aux démarches administratives": ["service-public"],
  "Maîtrise des outils numériques du quotidien": ["e-inclusion"],
  "Insertion professionnelle via le numérique": ["emploi"],
  "Utilisation sécurisée du numérique": ["e-inclusion", "citoyennete"],
  "Parentalité et éducation avec le numérique": ["education"],
  "Loisirs et créations numériques": ["culture"],
  "Compréhension du monde numérique": ["citoyennete", "education"],
  "Accès internet et matériel informatique": ["e-inclusion"],
};

/** The wiki's publics (slugs) that correspond to each public or specific support of the national schema. */
export const PERSON_PUBLIC_TERMS: Record<LieuPublic | LieuPriseEnCharge, string[]> = {
  Jeunes: ["jeunes"],
  Étudiants: ["jeunes"],
  "Familles et/ou enfants": ["familles"],
  Seniors: ["seniors"],
  Femmes: [],
  Surdité: ["personnes-handicap"],
  "Handicaps moteurs": ["personnes-handicap"],
  "Handicaps mentaux": ["personnes-handicap"],
  Illettrisme: [],
  "Langues étrangères (anglais)": ["personnes-allophones-migrantes"],
  "Langues étrangères (autres)": ["personnes-allophones-migrantes"],
  "Déficience visuelle": ["personnes-handicap"],
};

/** What a person needs help with: a service of the national list, or one of the wiki's themes. */
export type Need =
  | { kind: "service"; key: string; label: string; service: LieuService; themes: string[] }
  | { kind: "theme"; key: string; label: string; theme: string; themes: string[] };

export type ThemeRef = { slug: string; label: string };

const THEME_PREFIX = "theme-";

/** The needs of the national services list, keyed by a readable slug for URLs. */
export const SERVICE_NEEDS: Need[] = LIEU_SERVICES.map((service) => ({
  kind: "service",
  key: slugify(service),
  label: service,
  service,
  themes: SERVICE_THEMES[service],
}));

/** A need for each of the wiki's themes. */
export function themeNeeds(themes: ThemeRef[]): Need[] {
  return themes.map((t) => ({ kind: "theme", key: `${THEME_PREFIX}${t.slug}`, label: t.label, theme: t.slug, themes: [t.slug] }));
}

/** The need with this key among the services and the given themes, if any. */
export function findNeed(key: string, themes: ThemeRef[]): Need | undefined {
  return SERVICE_NEEDS.find((n) => n.key === key) ?? themeNeeds(themes).find((n) => n.key === key);
}

/** The wiki's public slugs that match a person's publics and specific support, without duplicates. */
export function publicTermsOf(labels: string[]): string[] {
  return [...new Set(labels.flatMap((label) => PERSON_PUBLIC_TERMS[label as LieuPublic] ?? []))];
}

import type { Db } from "@/db/client";
import { listLieuxWithActeur, type LieuWithActeur } from "@/db/queries/carte";
import type { FicheSummary } from "@/db/queries/fiche";
import { searchFold } from "@/db/queries/acteur";
import { listFichesForNeed } from "@/db/queries/orientation";
import { openingStateAtClock, parseOpeningHours, type OpeningState } from "@/lib/lieu/opening-hours";
import { parisClock } from "@/lib/lieu/paris-time";
import { contactAdvice, type ContactAdvice } from "@/lib/orientation/contact";
import { centroid, distanceKm, formatDistance, type Point } from "@/lib/orientation/distance";
import { publicTermsOf, type Need } from "@/lib/orientation/needs";
import { NEAR_KM, ORIENTATION_POINTS } from "@/lib/orientation/scoring";

// The orientation only reads: nothing about the person being helped is written anywhere.

/** What the mediator told about the person: the need, who they are, where they can go. */
export type OrientationQuery = {
  need: Need;
  publics: string[];
  supports: string[];
  commune?: string;
  point?: Point;
};

export type OrientationMatch = {
  lieu: LieuWithActeur;
  score: number;
  distanceKm: number | null;
  sameCommune: boolean;
  /** null when the lieu gives no opening hours, or hours the wiki cannot read. */
  opening: OpeningState | null;
  /** Why the lieu fits, in the mediator's words: "Propose : …", "Accueille : Surdité", "à 1,2 km", "Ouvert maintenant". */
  reasons: string[];
  /** The specific support asked for that the lieu does not mention. */
  missing: string[];
  /** How to reach the lieu before going: its phone, else its acteur's, else an email, a site, or going there. */
  contact: ContactAdvice;
};

export type OrientationAnswer = {
  matches: OrientationMatch[];
  fiches: FicheSummary[];
  /** How distances were measured: from the given point, from the commune's lieux, or not at all. */
  distanceFrom: "point" | "commune" | null;
};

const NO_PUBLIC = "Ce lieu n'accueille pas de public";
const collator = new Intl.Collator("fr");

// Parsing opening hours costs tens of microseconds and lieux change rarely: every orientation
// ranks all the lieux of a service, so their parsed hours are kept, keyed by their text.
const parsedHours = new Map<string, ReturnType<typeof parseOpeningHours>>();
function parseHoursCached(text: string): ReturnType<typeof parseOpeningHours> {
  let parsed = parsedHours.get(text);
  if (!parsed) {
    if (parsedHours.size >= 20_000) parsedHours.clear();
    parsed = parseOpeningHours(text);
    parsedHours.set(text, parsed);
  }
  return parsed;
}

/** Ranks the lieux that meet the need: best fit first, then the nearest, then by name. */
export function rankLieux(lieux: LieuWithActeur[], query: OrientationQuery, now: Date): OrientationMatch[] {
  const commune = query.commune ? searchFold(query.commune) : null;
  const communeCentre = commune
    ? centroid(lieux.filter((l) => searchFold(l.commune) === commune && l.latitude !== null && l.longitude !== null).map(pointOf))
    : null;
  const origin = query.point ?? communeCentre;
  const clock = parisClock(now);

  const matches = lieux
    .filter((l) => meetsNeed(l, query.need) && !(l.modalitesAcces.length === 1 && l.modalitesAcces[0] === NO_PUBLIC))
    .map((lieu): OrientationMatch => {
      const reasons = [query.need.kind === "service" ? `Propose : ${query.need.service}` : `Thème : ${query.need.label}`];
      const publics = query.publics.filter((p) => lieu.publicsSpecifiquementAdresses.includes(p));
      const supports = query.supports.filter((s) => lieu.priseEnChargeSpecifique.includes(s));
      let score = publics.length * ORIENTATION_POINTS.public + supports.length * ORIENTATION_POINTS.support;
      if (publics.length + supports.length) reasons.push(`Accueille : ${[...publics, ...supports].join(", ")}`);

      const hasPoint = lieu.latitude !== null && lieu.longitude !== null;
      const distance = origin && hasPoint ? distanceKm(origin, pointOf(lieu)) : null;
      const sameCommune = commune !== null && searchFold(lieu.commune) === commune;
      if (query.point && distance !== null) reasons.push(`à ${formatDistance(distance)}`);
      if (sameCommune) reasons.push(`À ${lieu.commune}`);
      if (sameCommune || (query.point && distance !== null && distance <= NEAR_KM)) score += ORIENTATION_POINTS.near;

      const parsed = lieu.horaires ? parseHoursCached(lieu.horaires) : null;
      const opening = parsed?.ok ? openingStateAtClock(parsed.value, clock) : null;
      if (opening === "open") {
        score += ORIENTATION_POINTS.openNow;
        reasons.push("Ouvert maintenant");
      }
      const missing = query.supports.filter((s) => !lieu.priseEnChargeSpecifique.includes(s));
      return { lieu, score, distanceKm: distance, sameCommune, opening, reasons, missing, contact: contactAdvice(lieu, lieu.acteur) };
    });

  return matches.sort(
    (a, b) =>
      b.score - a.score ||
      (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
      collator.compare(a.lieu.nom, b.lieu.nom) ||
      a.lieu.id - b.lieu.id,
  );
}

function pointOf(lieu: LieuWithActeur): Point {
  return { latitude: lieu.latitude!, longitude: lieu.longitude! };
}

function meetsNeed(lieu: LieuWithActeur, need: Need): boolean {
  return need.kind === "service" ? lieu.services.includes(need.service) : lieu.themes.some((t) => t.slug === need.theme);
}

/** The answer to an orientation: the ranked lieux and the published fiches about the need. Reads only. */
export function orient(db: Db, query: OrientationQuery, now: Date = new Date()): OrientationAnswer {
  const candidates = listLieuxWithActeur(db, query.need.kind === "service" ? { service: query.need.service } : { theme: query.need.theme });
  const matches = rankLieux(candidates, query, now);
  const fiches = listFichesForNeed(db, query.need.themes, publicTermsOf([...query.publics, ...query.supports]));
  const distanceFrom = query.point ? "point" : query.commune && matches.some((m) => m.distanceKm !== null) ? "commune" : null;
  return { matches, fiches, distanceFrom };
}

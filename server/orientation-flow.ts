import type { Db } from "@/db/client";
import type { Point } from "@/lib/orientation/distance";
import type { Need, ThemeRef } from "@/lib/orientation/needs";
import { parseNeed, parsePerson, parsePlace, type OrientationAnswers, type OrientationStep } from "@/lib/schemas/orientation";
import { DomainError } from "./errors";
import { geocodeAddress } from "./geocoder";
import { orient, type OrientationAnswer } from "./orientation";

type Input = { answers: OrientationAnswers; requested: OrientationStep; themes: ThemeRef[]; communes: string[]; geocoding: boolean };

/** Where the mediator is: the step to show, its errors, and the answer once every step is valid. */
export type OrientationState = {
  step: OrientationStep;
  errors: Record<string, string[]>;
  need?: Need;
  place?: { commune?: string; pointLabel?: string };
  answer?: OrientationAnswer;
  /** The answers with a found address replaced by its coordinates, for the printed sheet. */
  resolvedAnswers: OrientationAnswers;
};

const coordinates = (point: Point) => `${point.latitude.toFixed(5)}, ${point.longitude.toFixed(5)}`;

/**
 * Decides which step to show: the one asked for, unless an earlier step's answers are missing or
 * wrong, in which case that step comes back with its errors. Reads only; the address, if any, is
 * sent to the geocoder and forgotten.
 */
export async function resolveOrientation(db: Db, input: Input, now: Date = new Date()): Promise<OrientationState> {
  const { answers, requested } = input;
  const base = { resolvedAnswers: answers };
  if (requested === "besoin") return { ...base, step: "besoin", errors: {} };
  const { need, errors: needErrors } = parseNeed(answers, input.themes);
  if (!need) return { ...base, step: "besoin", errors: needErrors };
  const person = parsePerson(answers);
  if (requested === "personne" || Object.keys(person.errors).length) return { ...base, step: "personne", errors: person.errors, need };
  const place = parsePlace(answers, input.communes, input.geocoding);
  if (requested === "lieu" || Object.keys(place.errors).length) return { ...base, step: "lieu", errors: place.errors, need };

  let point = place.point;
  let pointLabel = point ? `près du point ${coordinates(point)}` : undefined;
  let resolvedAnswers = answers;
  if (place.adresse) {
    try {
      const [found] = await geocodeAddress(place.adresse, { limit: 1 });
      if (!found) return { ...base, step: "lieu", need, errors: { adresse: [`Aucune adresse trouvée pour « ${place.adresse} ». Vérifiez-la, ou choisissez une commune.`] } };
      point = { latitude: found.latitude, longitude: found.longitude };
      pointLabel = `près de ${found.label}`;
      resolvedAnswers = { ...answers, adresse: undefined, lat: found.latitude.toFixed(5), lon: found.longitude.toFixed(5) };
    } catch (error) {
      if (error instanceof DomainError) return { ...base, step: "lieu", need, errors: { adresse: [error.messageFr] } };
      throw error;
    }
  }
  const answer = orient(db, { need, publics: person.publics, supports: person.supports, commune: place.commune, point }, now);
  return { step: "resultats", errors: {}, need, place: { commune: place.commune, pointLabel }, answer, resolvedAnswers };
}

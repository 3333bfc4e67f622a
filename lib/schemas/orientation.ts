import { foldText } from "@/lib/slug";
import { LIEU_PRISES_EN_CHARGE_SPECIFIQUES, LIEU_PUBLICS_SPECIFIQUEMENT_ADRESSES } from "@/lib/lieu/labels";
import type { Point } from "@/lib/orientation/distance";
import { findNeed, type Need, type ThemeRef } from "@/lib/orientation/needs";
import { allParams, firstParam, type SearchParams } from "./carte";
import { z } from "./zod";

// Each step of "Vers qui se tourner ?" is a GET form: its answers travel in the URL, are checked
// here at every step, and are never stored.

export const ORIENTATION_STEPS = ["besoin", "personne", "lieu", "resultats"] as const;
export type OrientationStep = (typeof ORIENTATION_STEPS)[number];

type Errors = Record<string, string[]>;

// The same folding as the directory's: "saint medard" finds "Saint-Médard".
const fold = (text: string) => foldText(text).replace(/[^a-z0-9]+/g, " ").trim();

/** What the URL says, as typed: kept to fill the forms again and to build the links between steps. */
export type OrientationAnswers = {
  besoin?: string;
  public: string[];
  prise: string[];
  commune?: string;
  lat?: string;
  lon?: string;
  adresse?: string;
};

/** Reads the answers of every step from the query string. */
export function readAnswers(params: SearchParams): OrientationAnswers {
  return {
    besoin: firstParam(params, "besoin"),
    public: allParams(params, "public"),
    prise: allParams(params, "prise"),
    commune: firstParam(params, "commune"),
    lat: firstParam(params, "lat"),
    lon: firstParam(params, "lon"),
    adresse: firstParam(params, "adresse"),
  };
}

/** The step the URL asks for; the first one when absent or unknown. */
export function requestedStep(params: SearchParams): OrientationStep {
  const etape = firstParam(params, "etape");
  return ORIENTATION_STEPS.find((s) => s === etape) ?? "besoin";
}

/** Step 1: the need, among the national services and the wiki's themes. */
export function parseNeed(answers: OrientationAnswers, themes: ThemeRef[]): { need?: Need; errors: Errors } {
  if (!answers.besoin) return { errors: { besoin: ["Choisissez ce que la personne cherche à faire."] } };
  const need = findNeed(answers.besoin, themes);
  return need ? { need, errors: {} } : { errors: { besoin: [`Le besoin « ${answers.besoin} » n'existe pas (ou plus) : choisissez-en un dans la liste.`] } };
}

const publics = z.array(
  z.enum(LIEU_PUBLICS_SPECIFIQUEMENT_ADRESSES, { error: (issue) => `« ${String(issue.input)} » n'est pas un public de la liste nationale.` }),
);
const supports = z.array(
  z.enum(LIEU_PRISES_EN_CHARGE_SPECIFIQUES, { error: (issue) => `« ${String(issue.input)} » n'est pas une prise en charge de la liste nationale.` }),
);

/** Step 2: the person's publics and specific support, both optional. */
export function parsePerson(answers: OrientationAnswers): { publics: string[]; supports: string[]; errors: Errors } {
  const errors: Errors = {};
  const p = publics.safeParse(answers.public);
  const s = supports.safeParse(answers.prise);
  if (!p.success) errors.public = p.error.issues.map((i) => i.message);
  if (!s.success) errors.prise = s.error.issues.map((i) => i.message);
  return { publics: p.success ? p.data : [], supports: s.success ? s.data : [], errors };
}

function coordinate(text: string | undefined, label: string, limit: number, example: string, errors: string[]): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text.replace(",", "."));
  if (!Number.isFinite(value) || !/^-?\d+([.,]\d+)?$/.test(text)) errors.push(`La ${label} est un nombre décimal, par exemple ${example}.`);
  else if (Math.abs(value) > limit) errors.push(`La ${label} est comprise entre -${limit} et ${limit}.`);
  else return value;
  return undefined;
}

export type PlaceAnswer = { commune?: string; point?: Point; adresse?: string; errors: Errors };

/**
 * Step 3: where the person can go. A commune among those with lieux, a point (latitude and
 * longitude together) or, when geocoding is on, an address; or none of them.
 */
export function parsePlace(answers: OrientationAnswers, communes: string[], geocoding: boolean): PlaceAnswer {
  const errors: Errors = {};
  let commune: string | undefined;
  if (answers.commune) {
    commune = communes.find((c) => fold(c) === fold(answers.commune!));
    if (!commune) errors.commune = [`Aucun lieu d'accueil n'est connu à « ${answers.commune} » : choisissez une commune de la liste.`];
  }
  const latErrors: string[] = [];
  const lonErrors: string[] = [];
  const latitude = coordinate(answers.lat, "latitude", 90, "44.8378", latErrors);
  const longitude = coordinate(answers.lon, "longitude", 180, "-0.5792", lonErrors);
  if (answers.lat !== undefined && answers.lon === undefined) lonErrors.push("Indiquez aussi la longitude, ou effacez la latitude.");
  if (answers.lon !== undefined && answers.lat === undefined) latErrors.push("Indiquez aussi la latitude, ou effacez la longitude.");
  if (latErrors.length) errors.lat = latErrors;
  if (lonErrors.length) errors.lon = lonErrors;
  const point = latitude !== undefined && longitude !== undefined ? { latitude, longitude } : undefined;
  let adresse: string | undefined;
  if (answers.adresse && geocoding) {
    if (answers.adresse.length > 200) errors.adresse = ["L'adresse compte 200 caractères au maximum."];
    else if (answers.adresse.length < 3) errors.adresse = ["Tapez au moins 3 caractères de l'adresse."];
    else if (point) errors.adresse = ["Indiquez une adresse ou des coordonnées, pas les deux."];
    else adresse = answers.adresse;
  }
  return { commune, point, adresse, errors };
}

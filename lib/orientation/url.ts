import type { OrientationAnswers, OrientationStep } from "@/lib/schemas/orientation";

const SINGLE = ["besoin", "commune", "lat", "lon", "adresse"] as const;

/** The query string carrying the answers up to a step, empty ones left out so that links stay short. */
export function orientationQuery(answers: OrientationAnswers, etape?: OrientationStep): string {
  const params = new URLSearchParams();
  if (etape && etape !== "besoin") params.set("etape", etape);
  if (answers.besoin) params.set("besoin", answers.besoin);
  for (const p of answers.public) params.append("public", p);
  for (const p of answers.prise) params.append("prise", p);
  for (const key of SINGLE.slice(1)) if (answers[key]) params.set(key, answers[key]!);
  return params.toString();
}

/** The URL of a step of the orientation with these answers. */
export function orientationHref(answers: OrientationAnswers, etape: OrientationStep): string {
  const query = orientationQuery(answers, etape);
  return query ? `/orientation?${query}` : "/orientation";
}

/**
 * The answers a step's form carries in hidden fields: all but its own, so that going back to
 * change the need keeps what was said about the person and the place.
 */
export function answersExcept(answers: OrientationAnswers, etape: OrientationStep): OrientationAnswers {
  if (etape === "besoin") return { ...answers, besoin: undefined };
  if (etape === "personne") return { ...answers, public: [], prise: [] };
  if (etape === "lieu") return { ...answers, commune: undefined, lat: undefined, lon: undefined, adresse: undefined };
  return { ...answers };
}

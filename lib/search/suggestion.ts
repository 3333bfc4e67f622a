/** A suggestion shown while typing in the header search box: a fiche title or an acteur name. */
export type Suggestion = { kind: "fiche" | "acteur"; label: string; href: string; typeLabel: string };

/** Suggestions start at two letters: one letter matches half the wiki. */
export const SUGGESTION_MIN_LENGTH = 2;
export const SUGGESTION_MAX = 8;

/** The URL of the suggestions route for what is typed. */
export function suggestionsUrl(q: string): string {
  return `/api/recherche/suggestions?q=${encodeURIComponent(q)}`;
}

import type { RecentChangesFiltersInput } from "@/lib/schemas/revision";

/** The query string of the recent changes' filters ("" or "?type=…"), page 1 left out. */
export function recentChangesQuery(filters: RecentChangesFiltersInput): string {
  const params = new URLSearchParams();
  for (const key of ["type", "acteur", "theme", "page"] as const) {
    const value = filters[key];
    if (value === undefined || (key === "page" && value === 1)) continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The recent changes page with these filters. */
export function recentChangesUrl(filters: RecentChangesFiltersInput): string {
  return `/modifications-recentes${recentChangesQuery(filters)}`;
}

/** The Atom feed of the recent changes with these filters (every page: a feed has none). */
export function recentChangesFeedUrl(filters: RecentChangesFiltersInput): string {
  return `/modifications-recentes/atom.xml${recentChangesQuery({ ...filters, page: undefined })}`;
}

/** The diff of two revisions of a fiche. */
export function compareUrl(slug: string, from: number, to: number): string {
  return `/fiches/${slug}/historique/comparer?de=${from}&a=${to}`;
}

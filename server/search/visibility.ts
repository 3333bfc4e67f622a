import type { Fiche } from "@/db/schema";

/**
 * The one rule of what the public search may show: a published fiche, not hidden by a moderator,
 * not merged into another. The indexer drops every other fiche from the index, and the results
 * page checks it again on the rows it shows.
 */
export function isFicheSearchable(f: Pick<Fiche, "statut" | "masquee" | "redirectToId">): boolean {
  return f.statut === "publiee" && !f.masquee && f.redirectToId === null;
}

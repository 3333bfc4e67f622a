import { getDb } from "@/db/client";
import { listActeursWithFiches } from "@/db/queries/fiche";
import { listTermsByTaxonomy } from "@/db/queries/taxonomy";
import { FICHE_TYPE_LABELS } from "@/lib/fiche/labels";
import { recentChangesFiltersSchema, type RecentChangesFiltersInput } from "@/lib/schemas/revision";

/**
 * The recent changes' filters read from a URL, with the choices the form offers. A slug that is
 * not among them is dropped, so that the list never filters on something the form cannot show.
 */
export function readRecentChangesFilters(searchParams: Record<string, string | string[] | undefined>) {
  const db = getDb();
  const parsed = recentChangesFiltersSchema.parse(searchParams);
  const acteurs = listActeursWithFiches(db);
  const themes = listTermsByTaxonomy(db, "theme");
  const acteur = acteurs.find((a) => a.slug === parsed.acteur);
  const theme = themes.find((t) => t.slug === parsed.theme);
  const filters: RecentChangesFiltersInput = { ...parsed, acteur: acteur?.slug, theme: theme?.slug };
  // Names the filters in words, for the feed's title: "Pratiques observées, thème Lien social".
  const scope = [
    filters.type ? FICHE_TYPE_LABELS[filters.type].plural : null,
    acteur ? `acteur ${acteur.nom}` : null,
    theme ? `thème ${theme.label}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  return { filters, acteurs, themes, scope };
}

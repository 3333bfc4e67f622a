import { Link } from "@/components/ui/Link";
import { searchUrl, withoutFilter, type SearchFilters } from "@/lib/search/params";
import type { FacetGroup } from "@/server/search";

/** The ticked facet values, each with a link that removes it. */
export function ActiveFilters({ q, filters, facets }: { q: string; filters: SearchFilters; facets: FacetGroup[] }) {
  const active = facets.flatMap((group) => group.options.filter((o) => o.selected).map((option) => ({ group, option })));
  if (active.length === 0) return null;
  return (
    <div className="search-active">
      <p id="filtres-actifs">Filtres appliqués :</p>
      <ul aria-labelledby="filtres-actifs">
        {active.map(({ group, option }) => (
          <li key={`${group.facet}:${option.value}`}>
            <Link href={searchUrl({ q, filters: withoutFilter(filters, group.facet, option.value) })}>
              <span className="visually-hidden">Retirer le filtre </span>
              {group.label} : {option.label}
              <span aria-hidden="true"> ×</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

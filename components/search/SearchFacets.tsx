import { Link } from "@/components/ui/Link";
import { hasFilters, searchUrl, type SearchFilters } from "@/lib/search/params";
import type { FacetGroup } from "@/server/search";

// Long lists (communes) show their most frequent values; the rest stay one click away.
const VISIBLE = 8;

function Option({ group, option }: { group: FacetGroup; option: FacetGroup["options"][number] }) {
  return (
    <li>
      <label>
        <input type="checkbox" name={group.facet} value={option.value} defaultChecked={option.selected} />
        <span>
          {option.label} <span className="search-facets__count">({option.count})</span>
        </span>
      </label>
    </li>
  );
}

/**
 * The facets as a GET form of checkboxes: the filters stay in the URL, so that a search can be
 * shared; within a facet any ticked value may match, across facets all must.
 */
export function SearchFacets({ q, filters, facets }: { q: string; filters: SearchFilters; facets: FacetGroup[] }) {
  if (facets.length === 0) return null;
  return (
    <form method="get" action="/recherche" className="search-facets" aria-labelledby="filtres-titre">
      <h2 id="filtres-titre">Affiner les résultats</h2>
      <input type="hidden" name="q" value={q} />
      {facets.map((group) => {
        const shown = group.options.filter((o, i) => i < VISIBLE || o.selected);
        const more = group.options.filter((o, i) => i >= VISIBLE && !o.selected);
        return (
          <fieldset key={group.facet}>
            <legend>{group.label}</legend>
            <ul className="search-facets__list">
              {shown.map((option) => (
                <Option key={option.value} group={group} option={option} />
              ))}
            </ul>
            {more.length > 0 && (
              <details>
                <summary>
                  {more.length} autre{more.length > 1 ? "s" : ""} valeur{more.length > 1 ? "s" : ""}
                </summary>
                <ul className="search-facets__list">
                  {more.map((option) => (
                    <Option key={option.value} group={group} option={option} />
                  ))}
                </ul>
              </details>
            )}
          </fieldset>
        );
      })}
      <div className="actions">
        <button type="submit">Appliquer les filtres</button>
        {hasFilters(filters) && <Link href={searchUrl({ q })}>Effacer les filtres</Link>}
      </div>
    </form>
  );
}

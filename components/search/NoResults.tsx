import { Link } from "@/components/ui/Link";
import type { TaxonomyTerm } from "@/db/schema";
import { hasFilters, searchUrl, type SearchFilters } from "@/lib/search/params";

/** What to do when nothing matched: say what was searched and offer every other way in. */
export function NoResults({ q, filters, themes }: { q: string; filters: SearchFilters; themes: TaxonomyTerm[] }) {
  const filtered = hasFilters(filters);
  return (
    <section aria-labelledby="aucun-resultat" className="search-empty">
      <h2 id="aucun-resultat">Aucun résultat</h2>
      <p>
        Aucune fiche publiée ni aucun acteur ne correspond à « <strong>{q}</strong> »{filtered ? " avec les filtres choisis" : ""}.
      </p>
      <p>Vous pouvez :</p>
      <ul>
        {filtered && (
          <li>
            <Link href={searchUrl({ q })}>relancer la recherche sans les filtres</Link> ;
          </li>
        )}
        <li>vérifier l&apos;orthographe, ou essayer moins de mots, ou des mots plus courants ;</li>
        <li>
          parcourir les thèmes :{" "}
          {themes.map((theme, i) => (
            <span key={theme.id}>
              <Link href={`/themes/${theme.slug}`}>{theme.label}</Link>
              {i < themes.length - 1 ? ", " : ""}
            </span>
          ))}{" "}
          ;
        </li>
        <li>
          chercher une organisation dans <Link href="/acteurs">l&apos;annuaire des acteurs</Link> ;
        </li>
        <li>
          et si ce que vous cherchez n&apos;existe pas encore, <Link href="/fiches/nouvelle">créer une fiche</Link> pour le partager.
        </li>
      </ul>
    </section>
  );
}

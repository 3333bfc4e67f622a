import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { getDb } from "@/db/client";
import { listTermsByTaxonomy } from "@/db/queries/taxonomy";
import { ActiveFilters } from "@/components/search/ActiveFilters";
import { NoResults } from "@/components/search/NoResults";
import { SearchFacets } from "@/components/search/SearchFacets";
import { SearchForm } from "@/components/search/SearchForm";
import { SearchResults } from "@/components/search/SearchResults";
import { parseSearchParams, searchUrl } from "@/lib/search/params";
import { searchWiki } from "@/server/search";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = parseSearchParams(await searchParams);
  return { title: q ? `Recherche « ${q} »` : "Rechercher" };
}

export default async function RecherchePage({ searchParams }: Props) {
  const { q, filters, page } = parseSearchParams(await searchParams);
  const db = getDb();
  const outcome = q ? searchWiki(db, { q, filters, page }) : null;

  return (
    <>
      <h1>{q ? `Résultats pour « ${q} »` : "Rechercher dans le wiki"}</h1>
      <SearchForm q={q} />
      {!outcome && (
        <p>
          Cherchez parmi les fiches publiées (pratiques observées, idées à explorer, fiches pratiques) et dans l&apos;annuaire des acteurs : un
          thème, un public, une commune, le nom d&apos;une association… Vous pouvez aussi <Link href="/taxonomies">parcourir les thèmes</Link> ou{" "}
          <Link href="/acteurs">l&apos;annuaire</Link>.
        </p>
      )}
      {outcome && outcome.total === 0 && (
        <>
          <ActiveFilters q={q} filters={filters} facets={outcome.facets} />
          <NoResults q={q} filters={filters} themes={listTermsByTaxonomy(db, "theme")} />
        </>
      )}
      {outcome && outcome.total > 0 && (
        <div className="layout-aside search-layout">
          <SearchFacets q={q} filters={filters} facets={outcome.facets} />
          <section aria-labelledby="resultats-titre">
            <h2 id="resultats-titre">
              {outcome.total} résultat{outcome.total > 1 ? "s" : ""}
            </h2>
            {outcome.correction && (
              <p className="alert">
                Aucun résultat pour « {q} ». Voici les résultats pour « <strong>{outcome.correction.text}</strong> »{" "}
                (<Link href={searchUrl({ q: outcome.correction.text, filters })}>rechercher « {outcome.correction.text} »</Link>).
              </p>
            )}
            {outcome.bounded && (
              <p className="hint">
                Ces mots sont dans une grande partie du wiki : les résultats classés en premier sont ceux qui les citent dans leur titre ou leurs
                champs, puis les fiches récentes. Ajoutez un mot ou un filtre pour préciser.
              </p>
            )}
            <ActiveFilters q={q} filters={filters} facets={outcome.facets} />
            <SearchResults outcome={outcome} />
          </section>
        </div>
      )}
    </>
  );
}

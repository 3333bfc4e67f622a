import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { getDb } from "@/db/client";
import { listRecentChanges } from "@/db/queries/recent-changes";
import { RecentChangesFilters } from "@/components/revision/RecentChangesFilters";
import { RecentChangesList } from "@/components/revision/RecentChangesList";
import { recentChangesFeedUrl, recentChangesUrl } from "@/lib/revision/url";
import { publicUrl } from "@/server/config";
import { readRecentChangesFilters } from "./filters";

export const dynamic = "force-dynamic";

type Params = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Params): Promise<Metadata> {
  const { filters, scope } = readRecentChangesFilters(await searchParams);
  return {
    title: scope ? `Modifications récentes : ${scope}` : "Modifications récentes",
    alternates: { types: { "application/atom+xml": [{ url: `${publicUrl()}${recentChangesFeedUrl(filters)}`, title: `Modifications récentes${scope ? ` : ${scope}` : ""} (Atom)` }] } },
  };
}

const PAGE_SIZE = 30;

export default async function ModificationsRecentesPage({ searchParams }: Params) {
  const { filters, acteurs, themes, scope } = readRecentChangesFilters(await searchParams);
  const result = listRecentChanges(getDb(), { ...filters, pageSize: PAGE_SIZE });
  return (
    <>
      <h1>Modifications récentes</h1>
      <p>
        Les dernières versions enregistrées des fiches publiées : qui a modifié quoi, et quand. Chaque ligne mène aux changements
        par rapport à la version précédente.
      </p>
      <p>
        <a href={recentChangesFeedUrl(filters)} type="application/atom+xml">
          Suivre ces modifications avec le flux Atom{scope ? ` (${scope})` : ""}
        </a>
      </p>
      <div className="layout-aside">
        <RecentChangesFilters filters={filters} acteurs={acteurs} themes={themes} />
        <section aria-labelledby="modifications-titre">
          <h2 id="modifications-titre">
            {result.total} modification{result.total > 1 ? "s" : ""}
          </h2>
          {result.items.length === 0 ? <p className="muted">Aucune modification ne correspond à ces critères.</p> : <RecentChangesList changes={result.items} />}
          {result.pageCount > 1 && (
            <nav aria-label="Pagination" className="pagination">
              {result.page > 1 && <Link href={recentChangesUrl({ ...filters, page: result.page - 1 })}>Page précédente</Link>}
              <span>
                Page {result.page} sur {result.pageCount}
              </span>
              {result.page < result.pageCount && <Link href={recentChangesUrl({ ...filters, page: result.page + 1 })}>Page suivante</Link>}
            </nav>
          )}
        </section>
      </div>
    </>
  );
}

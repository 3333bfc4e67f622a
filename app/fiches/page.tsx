import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { getDb } from "@/db/client";
import { listActeursWithFiches, listFicheCommunes, listFiches } from "@/db/queries/fiche";
import { listTermsByTaxonomy } from "@/db/queries/taxonomy";
import { FicheCards } from "@/components/fiche/FicheCard";
import { FicheFilterForm, FicheStatutNav, FicheTypeNav, fichesUrl } from "@/components/fiche/FicheFilters";
import { FICHE_TYPE_LABELS } from "@/lib/fiche/labels";
import { ficheFiltersSchema } from "@/lib/schemas/fiche";
import { getCurrentViewer } from "@/server/session";

export const metadata: Metadata = { title: "Fiches" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 20;

export default async function FichesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await getCurrentViewer();
  const filters = ficheFiltersSchema.parse(await searchParams);
  const db = getDb();
  const { suggeres, ebauche, ...rest } = filters;
  const result = listFiches(
    db,
    { ...rest, sansSuggeres: suggeres === "non", ebauche: ebauche === undefined ? undefined : ebauche === "oui", pageSize: PAGE_SIZE },
    viewer,
  );
  const choices = {
    themes: listTermsByTaxonomy(db, "theme"),
    publics: listTermsByTaxonomy(db, "public"),
    acteurs: listActeursWithFiches(db),
    communes: listFicheCommunes(db),
  };
  const heading = filters.type ? FICHE_TYPE_LABELS[filters.type].plural : "Les fiches";
  const what = filters.statut === "brouillon" ? "brouillon" : filters.statut === "archivee" ? "fiche archivée" : "fiche";

  return (
    <>
      <h1>{heading}</h1>
      <p>
        {filters.type
          ? FICHE_TYPE_LABELS[filters.type].description
          : "Les pratiques observées sur le territoire, les idées à explorer ensemble et les fiches pratiques pour passer à l'action."}
      </p>
      {viewer && (
        <p>
          <Link className="button" href={filters.type ? `/fiches/nouvelle?type=${filters.type}` : "/fiches/nouvelle"}>
            Créer une fiche
          </Link>
        </p>
      )}
      <FicheTypeNav filters={filters} />
      <FicheStatutNav filters={filters} signedIn={viewer !== null} />
      <div className="layout-aside">
        <FicheFilterForm filters={filters} choices={choices} />
        <section aria-labelledby="resultats-titre">
          <h2 id="resultats-titre">
            {result.total} {what}
            {result.total > 1 ? "s" : ""}
          </h2>
          <FicheCards
            fiches={result.items}
            empty={filters.statut === "brouillon" ? "Vous n'avez aucun brouillon en cours." : "Aucune fiche ne correspond à ces critères."}
          />
          {result.pageCount > 1 && (
            <nav aria-label="Pagination" className="pagination">
              {result.page > 1 && <Link href={fichesUrl({ ...filters, page: result.page - 1 })}>Page précédente</Link>}
              <span>
                Page {result.page} sur {result.pageCount}
              </span>
              {result.page < result.pageCount && <Link href={fichesUrl({ ...filters, page: result.page + 1 })}>Page suivante</Link>}
            </nav>
          )}
        </section>
      </div>
    </>
  );
}

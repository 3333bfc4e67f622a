import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getLatestRevision, listRevisions } from "@/db/queries/revision";
import { HistoryBreadcrumb } from "@/components/revision/HistoryBreadcrumb";
import { RevisionTable } from "@/components/revision/RevisionTable";
import { displayTitre } from "@/lib/fiche/labels";
import { historyPageSchema } from "@/lib/schemas/revision";
import { readableFicheForHistory } from "./access";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await readableFicheForHistory((await params).slug);
  return { title: found ? `Historique : ${displayTitre(found.fiche.titre)}` : "Fiche introuvable" };
}

const PAGE_SIZE = 50;

export default async function HistoriquePage({ params, searchParams }: Params) {
  const found = await readableFicheForHistory((await params).slug);
  if (!found) notFound();
  const { fiche } = found;
  const { page } = historyPageSchema.parse(await searchParams);
  const db = getDb();
  const result = listRevisions(db, fiche.id, { page, pageSize: PAGE_SIZE });
  const latest = getLatestRevision(db, fiche.id);
  const firstPage = result.page === 1;
  const pageUrl = (n: number) => `/fiches/${fiche.slug}/historique${n > 1 ? `?page=${n}` : ""}`;

  return (
    <>
      <HistoryBreadcrumb slug={fiche.slug} titre={fiche.titre} trail={[{ label: "Historique" }]} />
      <h1>Historique de la fiche « {displayTitre(fiche.titre)} »</h1>
      <p>
        Une version est enregistrée automatiquement quand l&apos;édition marque une pause, quand la dernière personne quitte
        l&apos;éditeur, et régulièrement pendant une longue séance. Choisissez deux versions pour voir ce qui a changé.
        Restaurer une ancienne version crée une nouvelle version : rien n&apos;est jamais effacé de l&apos;historique.
      </p>
      {result.total === 0 ? (
        <p className="muted">Aucune version n&apos;est encore enregistrée pour cette fiche.</p>
      ) : (
        <>
          <p className="result-count">
            {result.total} version{result.total > 1 ? "s" : ""}
          </p>
          <RevisionTable
            slug={fiche.slug}
            revisions={result.items}
            latestId={latest?.id ?? null}
            defaultTo={firstPage ? result.items[0]?.id : undefined}
            defaultFrom={firstPage ? result.items[1]?.id : undefined}
          />
          {result.pageCount > 1 && (
            <nav aria-label="Pagination de l'historique" className="pagination">
              {result.page > 1 && <Link href={pageUrl(result.page - 1)}>Versions plus récentes</Link>}
              <span>
                Page {result.page} sur {result.pageCount}
              </span>
              {result.page < result.pageCount && <Link href={pageUrl(result.page + 1)}>Versions plus anciennes</Link>}
            </nav>
          )}
        </>
      )}
      <p>
        <Link href={`/fiches/${fiche.slug}`}>Retour à la fiche</Link>
      </p>
    </>
  );
}

import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getRevision, getRevisionNumber, getRevisionSummary, type RevisionSummary } from "@/db/queries/revision";
import { BodyDiff } from "@/components/revision/BodyDiff";
import { DiffLegend } from "@/components/revision/DiffText";
import { FieldDiffTable } from "@/components/revision/FieldDiffTable";
import { HistoryBreadcrumb } from "@/components/revision/HistoryBreadcrumb";
import { displayTitre } from "@/lib/fiche/labels";
import { byAuthors, formatRevisionDate, revisionReasonLabel } from "@/lib/revision/labels";
import { compareRevisionsSchema } from "@/lib/schemas/revision";
import { fieldErrorsOf } from "@/lib/action-result";
import { diffRevisions } from "@/server/revision-diff";
import { readableFicheForHistory } from "../access";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await readableFicheForHistory((await params).slug);
  return { title: found ? `Comparer deux versions : ${displayTitre(found.fiche.titre)}` : "Fiche introuvable" };
}

function VersionLine({ slug, label, revision, number }: { slug: string; label: string; revision: RevisionSummary; number: number }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <Link href={`/fiches/${slug}/historique/${revision.id}`}>
          Version {number} du {formatRevisionDate(revision.createdAt)}
        </Link>
        {" "}
        · {revisionReasonLabel(revision.reason, revision.restoredFromCreatedAt)} · {byAuthors(revision.authors)}
      </dd>
    </>
  );
}

export default async function ComparerPage({ params, searchParams }: Params) {
  const found = await readableFicheForHistory((await params).slug);
  if (!found) notFound();
  const { fiche } = found;
  const db = getDb();
  const historyUrl = `/fiches/${fiche.slug}/historique`;
  const parsed = compareRevisionsSchema.safeParse(await searchParams);
  const picked = parsed.success ? [getRevision(db, parsed.data.de), getRevision(db, parsed.data.a)] : [];
  const problem = !parsed.success
    ? [...new Set(Object.values(fieldErrorsOf(parsed.error)).flat())].join(" ")
    : picked.some((r) => !r || r.ficheId !== fiche.id)
      ? "L'une de ces versions n'existe pas, ou n'appartient pas à cette fiche."
      : null;

  const header = (
    <>
      <HistoryBreadcrumb slug={fiche.slug} titre={fiche.titre} trail={[{ href: historyUrl, label: "Historique" }, { label: "Comparer deux versions" }]} />
      <h1>Comparer deux versions de « {displayTitre(fiche.titre)} »</h1>
    </>
  );
  if (problem) {
    return (
      <>
        {header}
        <div className="alert alert--error">
          <p>{problem}</p>
          <p>
            <Link href={historyUrl}>Revenir à l&apos;historique pour choisir deux versions</Link>
          </p>
        </div>
      </>
    );
  }

  // Always from the older to the newer, whichever way round they were picked.
  const [older, newer] = [...picked].sort((x, y) => x!.id - y!.id) as [NonNullable<(typeof picked)[0]>, NonNullable<(typeof picked)[0]>];
  const diff = diffRevisions(db, older, newer);
  const [olderSummary, newerSummary] = [getRevisionSummary(db, older.id)!, getRevisionSummary(db, newer.id)!];
  const [olderNumber, newerNumber] = [getRevisionNumber(db, fiche.id, older.id), getRevisionNumber(db, fiche.id, newer.id)];
  const beforeLabel = `Avant (version ${olderNumber})`;
  const afterLabel = `Après (version ${newerNumber})`;

  return (
    <>
      {header}
      <dl className="details diff-versions">
        <VersionLine slug={fiche.slug} label="Avant" revision={olderSummary} number={olderNumber} />
        <VersionLine slug={fiche.slug} label="Après" revision={newerSummary} number={newerNumber} />
      </dl>
      <DiffLegend />

      <section aria-labelledby="diff-champs">
        <h2 id="diff-champs">Champs</h2>
        {diff.fields.length === 0 ? (
          <p className="muted">Aucun champ n&apos;a changé entre ces deux versions.</p>
        ) : (
          <FieldDiffTable fields={diff.fields} before={beforeLabel} after={afterLabel} />
        )}
      </section>

      <section aria-labelledby="diff-contenu">
        <h2 id="diff-contenu">Contenu</h2>
        {diff.bodyChanged ? <BodyDiff blocks={diff.body} /> : <p className="muted">Le contenu n&apos;a pas changé entre ces deux versions.</p>}
      </section>

      <p className="actions">
        <Link href={historyUrl}>Retour à l&apos;historique</Link>
        <Link href={`/fiches/${fiche.slug}`}>Voir la fiche</Link>
      </p>
    </>
  );
}

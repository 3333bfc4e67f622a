import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { Fragment } from "react";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getLatestRevision, getPreviousRevisionId, getRevision, getRevisionNumber, getRevisionSummary } from "@/db/queries/revision";
import { HistoryBreadcrumb } from "@/components/revision/HistoryBreadcrumb";
import { RestoreRevisionForm } from "@/components/revision/RestoreRevisionForm";
import { displayTitre } from "@/lib/fiche/labels";
import { canEditFiche } from "@/lib/policies/fiche";
import { authorNames, formatRevisionDate, revisionReasonLabel } from "@/lib/revision/labels";
import { compareUrl } from "@/lib/revision/url";
import { getFicheDocuments } from "@/server/collab/write";
import { describeFields } from "@/server/revision-diff";
import { renderRevisionHtml } from "@/server/revision-links";
import { readableFicheForHistory } from "../access";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string; id: string }> };

async function load(params: Params["params"]) {
  const { slug, id } = await params;
  const found = await readableFicheForHistory(slug);
  const revisionId = Number(id);
  if (!found || !Number.isInteger(revisionId) || revisionId <= 0) return null;
  const revision = getRevision(getDb(), revisionId);
  if (!revision || revision.ficheId !== found.fiche.id) return null;
  return { ...found, revision };
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await load(params);
  if (!found) return { title: "Version introuvable" };
  return { title: `Version du ${formatRevisionDate(found.revision.createdAt)} : ${displayTitre(found.fiche.titre)}`, robots: { index: false } };
}

export default async function RevisionPage({ params }: Params) {
  const found = await load(params);
  if (!found) notFound();
  const { fiche, viewer, revision } = found;
  const db = getDb();
  const summary = getRevisionSummary(db, revision.id)!;
  const number = getRevisionNumber(db, fiche.id, revision.id);
  const previousId = getPreviousRevisionId(db, fiche.id, revision.id);
  const latest = getLatestRevision(db, fiche.id)!;
  const snapshot = getFicheDocuments(db).readState(revision.state);
  const html = renderRevisionHtml(db, snapshot.body);
  const fields = describeFields(db, snapshot.content);
  const label = `version ${number} du ${formatRevisionDate(revision.createdAt)}`;
  const historyUrl = `/fiches/${fiche.slug}/historique`;

  return (
    <>
      <HistoryBreadcrumb slug={fiche.slug} titre={fiche.titre} trail={[{ href: historyUrl, label: "Historique" }, { label: `Version ${number}` }]} />
      <h1>
        Version {number} du {formatRevisionDate(revision.createdAt)}
      </h1>
      <dl className="details">
        <dt>Fiche</dt>
        <dd>
          <Link href={`/fiches/${fiche.slug}`}>{displayTitre(fiche.titre)}</Link>
        </dd>
        <dt>Titre dans cette version</dt>
        <dd>{displayTitre(snapshot.content.titre)}</dd>
        <dt>Auteurs</dt>
        <dd>{authorNames(summary.authors)}</dd>
        <dt>Motif</dt>
        <dd>{revisionReasonLabel(summary.reason, summary.restoredFromCreatedAt)}</dd>
      </dl>
      <p className="alert">
        {revision.id === latest.id
          ? "C'est la version la plus récente enregistrée. La fiche a peut-être changé depuis, si quelqu'un la modifie en ce moment."
          : "Vous consultez une ancienne version de la fiche, en lecture seule."}
      </p>
      <p className="actions">
        {previousId && <Link href={compareUrl(fiche.slug, previousId, revision.id)}>Comparer avec la version précédente</Link>}
        {revision.id !== latest.id && <Link href={compareUrl(fiche.slug, revision.id, latest.id)}>Comparer avec la version la plus récente</Link>}
        <Link href={historyUrl}>Retour à l&apos;historique</Link>
      </p>

      {canEditFiche(viewer, fiche.access) && (
        <section aria-labelledby="restaurer-titre" className="restore-section">
          <h2 id="restaurer-titre">Restaurer cette version</h2>
          <p>
            La restauration remet ce contenu dans la fiche comme une nouvelle modification : les personnes en train de l&apos;éditer
            la voient aussitôt, et l&apos;historique garde toutes les versions, y compris celle qu&apos;elle remplace.
          </p>
          <RestoreRevisionForm ficheId={fiche.id} revisionId={revision.id} slug={fiche.slug} label={label} />
        </section>
      )}

      <section className="revision-content" aria-label="Contenu de cette version">
        {html ? (
          <div className="fiche-body" dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <p className="muted">Cette version n&apos;a pas de contenu.</p>
        )}
      </section>
      <section aria-labelledby="version-infos">
        <h2 id="version-infos">En bref, dans cette version</h2>
        <dl className="details">
          {fields.map((f) => (
            <Fragment key={f.field}>
              <dt>{f.label}</dt>
              <dd>{f.values.join(", ")}</dd>
            </Fragment>
          ))}
        </dl>
      </section>
    </>
  );
}

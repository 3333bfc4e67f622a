import { Link } from "@/components/ui/Link";
import type { NumberedRevision } from "@/db/queries/revision";
import { authorNames, formatRevisionDate, revisionReasonLabel } from "@/lib/revision/labels";

type Props = {
  slug: string;
  revisions: NumberedRevision[];
  /** The id of the fiche's latest revision, to say which one is the most recent. */
  latestId: number | null;
  /** Checked by default: the two most recent versions, on the first page. */
  defaultFrom?: number;
  defaultTo?: number;
};

/**
 * A fiche's revisions with two radio buttons each, to pick the versions to compare; a GET form,
 * so that a comparison is a shareable address. On narrow screens each row becomes a card.
 */
export function RevisionTable({ slug, revisions, latestId, defaultFrom, defaultTo }: Props) {
  return (
    <form method="get" action={`/fiches/${slug}/historique/comparer`} className="history-form">
      <div className="table-wrap">
        <table className="history-table">
          <caption>Versions enregistrées, de la plus récente à la plus ancienne</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Date</th>
              <th scope="col">Auteurs</th>
              <th scope="col">Motif</th>
              <th scope="col">Comparer depuis</th>
              <th scope="col">Jusqu&apos;à</th>
              <th scope="col">
                <span className="visually-hidden">Consulter</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => {
              const name = `version ${r.number} du ${formatRevisionDate(r.createdAt)}`;
              return (
                <tr key={r.id}>
                  <th scope="row">
                    Version {r.number}
                    {r.id === latestId && <span className="history-table__latest"> (la plus récente)</span>}
                  </th>
                  <td data-label="Date">
                    <time dateTime={r.createdAt.toISOString()}>{formatRevisionDate(r.createdAt)}</time>
                  </td>
                  <td data-label="Auteurs">{authorNames(r.authors)}</td>
                  <td data-label="Motif">{revisionReasonLabel(r.reason, r.restoredFromCreatedAt)}</td>
                  <td data-label="Comparer depuis">
                    <label className="history-table__radio">
                      <input type="radio" name="de" value={r.id} defaultChecked={r.id === defaultFrom} />
                      <span className="visually-hidden">Comparer depuis la {name}</span>
                    </label>
                  </td>
                  <td data-label="Jusqu'à">
                    <label className="history-table__radio">
                      <input type="radio" name="a" value={r.id} defaultChecked={r.id === defaultTo} />
                      <span className="visually-hidden">Comparer jusqu&apos;à la {name}</span>
                    </label>
                  </td>
                  <td>
                    <Link href={`/fiches/${slug}/historique/${r.id}`}>
                      Voir cette version<span className="visually-hidden"> ({name})</span>
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {revisions.length > 1 && (
        <p>
          <button type="submit">Comparer les versions</button>
        </p>
      )}
    </form>
  );
}

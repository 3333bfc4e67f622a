import { Link } from "@/components/ui/Link";
import type { RecentChange } from "@/db/queries/recent-changes";
import { displayTitre, FICHE_TYPE_LABELS } from "@/lib/fiche/labels";
import { byAuthors, formatRevisionDate, revisionReasonLabel } from "@/lib/revision/labels";
import { compareUrl } from "@/lib/revision/url";

/** Revisions across the wiki, newest first: the fiche, who, when, why, and a link to what changed. */
export function RecentChangesList({ changes }: { changes: RecentChange[] }) {
  return (
    <ol className="recent-changes">
      {changes.map((change) => {
        const titre = displayTitre(change.fiche.titre);
        const date = formatRevisionDate(change.createdAt);
        return (
          <li key={change.id} className="recent-change">
            <p className="recent-change__titre">
              <Link href={`/fiches/${change.fiche.slug}`}>{titre}</Link> <span className="tag">{FICHE_TYPE_LABELS[change.fiche.type].singular}</span>
            </p>
            <p className="recent-change__meta">
              <time dateTime={change.createdAt.toISOString()}>{date}</time> · {revisionReasonLabel(change.reason, change.restoredFromCreatedAt)} ·{" "}
              {byAuthors(change.authors)}
            </p>
            <p className="recent-change__link">
              {change.previousId ? (
                <Link href={compareUrl(change.fiche.slug, change.previousId, change.id)}>
                  Voir les changements<span className="visually-hidden"> de « {titre} » du {date}</span>
                </Link>
              ) : (
                <Link href={`/fiches/${change.fiche.slug}/historique/${change.id}`}>
                  Voir la première version<span className="visually-hidden"> de « {titre} »</span>
                </Link>
              )}
            </p>
          </li>
        );
      })}
    </ol>
  );
}

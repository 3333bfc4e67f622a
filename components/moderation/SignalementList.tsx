import { Link } from "@/components/ui/Link";
import type { ModerationView } from "@/app/moderation/views";
import type { SignalementItem } from "@/db/queries/signalement";
import { displayTitre, FICHE_STATUT_LABELS } from "@/lib/fiche/labels";
import { SIGNALEMENT_MOTIF_LABELS } from "@/lib/schemas/moderation";
import { formatModerationDate } from "./format";
import { FicheModerationActions, ResolveForm } from "./ModerationActions";

function ficheState(fiche: SignalementItem["fiche"]): string {
  const parts = [fiche.redirectToId !== null ? "fusionnée" : FICHE_STATUT_LABELS[fiche.statut].toLowerCase(), fiche.masquee ? "masquée" : null];
  return parts.filter(Boolean).join(", ");
}

/** Reports of the moderators' queue (open ones with their actions) or of its history (resolved ones). */
export function SignalementList({ items, view, empty }: { items: SignalementItem[]; view: ModerationView; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="moderation-list">
      {items.map((s) => (
        <li key={s.id} className="card moderation-item">
          <h3 className="moderation-item__titre">
            <Link href={`/fiches/${s.fiche.slug}`}>{displayTitre(s.fiche.titre)}</Link> <span className="muted">({ficheState(s.fiche)})</span>
          </h3>
          <dl className="details">
            <dt>Motif</dt>
            <dd>{SIGNALEMENT_MOTIF_LABELS[s.motif]}</dd>
            <dt>Signalé par</dt>
            <dd>
              {s.reporterName ?? "un compte supprimé"}, le {formatModerationDate(s.createdAt)}
            </dd>
            <dt>Commentaire</dt>
            <dd className="pre-line">{s.commentaire || <span className="muted">Aucun commentaire.</span>}</dd>
            {s.resolvedAt && (
              <>
                <dt>Résolu par</dt>
                <dd>
                  {s.resolverName ?? "un compte supprimé"}, le {formatModerationDate(s.resolvedAt)}
                </dd>
                <dt>Note de résolution</dt>
                <dd className="pre-line">{s.resolution || <span className="muted">Aucune note.</span>}</dd>
              </>
            )}
          </dl>
          {!s.resolvedAt && (
            <>
              <FicheModerationActions fiche={s.fiche} view={view} />
              <ResolveForm signalementId={s.id} view={view} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

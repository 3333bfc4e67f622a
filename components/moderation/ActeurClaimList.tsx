import { Link } from "@/components/ui/Link";
import type { OpenActeurClaimItem } from "@/server/acteur-claim";
import { ActeurClaimDecision } from "./ActeurClaimDecision";
import { formatModerationDate } from "./format";

/** Open requests to manage an acteur, oldest first, each with its decision buttons. */
export function ActeurClaimList({ items }: { items: OpenActeurClaimItem[] }) {
  if (items.length === 0) return <p className="muted">Aucune demande n&apos;attend.</p>;
  return (
    <ul className="moderation-list">
      {items.map((c) => (
        <li key={c.id} className="card moderation-item">
          <h3 className="moderation-item__titre">
            <Link href={`/acteurs/${c.acteur.slug}`}>{c.acteur.nom}</Link>
          </h3>
          {c.acteur.memberCount > 0 && (
            <p className="alert alert--error">
              Cet acteur a maintenant {c.acteur.memberCount} membre{c.acteur.memberCount > 1 ? "s" : ""} : ce sont eux qui peuvent ajouter cette
              personne.
            </p>
          )}
          <dl className="details">
            <dt>Demandée par</dt>
            <dd>
              {c.person.name} ({c.person.email}), le {formatModerationDate(c.createdAt)}
            </dd>
            <dt>Fonction</dt>
            <dd>{c.fonction}</dd>
            <dt>Message</dt>
            <dd className="pre-line">{c.message}</dd>
          </dl>
          <ActeurClaimDecision claimId={c.id} />
        </li>
      ))}
    </ul>
  );
}

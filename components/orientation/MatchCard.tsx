import { Link } from "@/components/ui/Link";
import type { ReactNode } from "react";
import type { OrientationMatch } from "@/server/orientation";
import { lieuHref } from "@/lib/carte/item";
import { ContactRows } from "./ContactRows";
import { OpeningLines, OpeningStatus } from "./OpeningHours";

function ListRow({ label, values }: { label: string; values: string[] }) {
  if (!values.length) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{values.join(", ")}</dd>
    </>
  );
}

/** A lieu proposed by the orientation: why it fits, when it is open, how to get in touch. */
export function MatchCard({ match, rank, children }: { match: OrientationMatch; rank: number; children?: ReactNode }) {
  const { lieu } = match;
  const titleId = `proposition-${lieu.id}`;
  return (
    <li className="card orientation-match" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <span className="orientation-match__rank">{rank}.</span> {lieu.nom}
      </h3>
      <p>
        <Link href={lieuHref({ id: lieu.id, acteur: lieu.acteur })}>{lieu.acteur.nom}</Link>
      </p>
      <p className="orientation-reasons">
        <span className="visually-hidden">Pourquoi ce lieu : </span>
        {match.reasons.join(" · ")}
      </p>
      {match.missing.length > 0 && (
        <p className="orientation-missing">
          Ne mentionne pas : {match.missing.join(", ")}. Pour savoir si la personne pourra être accompagnée, {match.contact.clause}.
        </p>
      )}
      <OpeningStatus state={match.opening} contact={match.contact} />
      <dl className="details">
        <dt>Adresse</dt>
        <dd>
          <address>
            {lieu.adresse}
            {lieu.complementAdresse && (
              <>
                <br />
                {lieu.complementAdresse}
              </>
            )}
            <br />
            {lieu.codePostal} {lieu.commune}
          </address>
        </dd>
        {lieu.horaires && (
          <>
            <dt>Horaires</dt>
            <dd>
              <OpeningLines horaires={lieu.horaires} />
            </dd>
          </>
        )}
        <ContactRows contact={match.contact} acteurNom={lieu.acteur.nom} />
        <ListRow label="Modalités d'accès" values={lieu.modalitesAcces} />
        <ListRow label="Accompagnement" values={lieu.modalitesAccompagnement} />
        <ListRow label="Frais" values={lieu.fraisACharge} />
      </dl>
      {children}
    </li>
  );
}

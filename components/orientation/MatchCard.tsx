import Link from "next/link";
import type { ReactNode } from "react";
import type { OrientationMatch } from "@/server/orientation";
import { lieuHref, telHref } from "@/lib/carte/item";
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
          Ne mentionne pas : {match.missing.join(", ")}. Téléphonez pour savoir si la personne pourra être accompagnée.
        </p>
      )}
      <OpeningStatus state={match.opening} />
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
        {lieu.telephone && (
          <>
            <dt>Téléphone</dt>
            <dd>
              <a href={telHref(lieu.telephone)}>{lieu.telephone}</a>
            </dd>
          </>
        )}
        {lieu.courriels.length > 0 && (
          <>
            <dt>Courriel</dt>
            <dd>
              {lieu.courriels.map((email, i) => (
                <span key={email}>
                  {i > 0 && ", "}
                  <a href={`mailto:${email}`}>{email}</a>
                </span>
              ))}
            </dd>
          </>
        )}
        <ListRow label="Modalités d'accès" values={lieu.modalitesAcces} />
        <ListRow label="Accompagnement" values={lieu.modalitesAccompagnement} />
        <ListRow label="Frais" values={lieu.fraisACharge} />
      </dl>
      {children}
    </li>
  );
}

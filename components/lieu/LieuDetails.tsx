import { Fragment } from "react";
import { Link } from "@/components/ui/Link";
import type { Lieu } from "@/db/schema";
import { LIEU_LIST_FIELDS, LIEU_LIST_FIELD_NAMES } from "@/lib/lieu/labels";
import { describeOpeningHours, parseOpeningHours } from "@/lib/lieu/opening-hours";

function Horaires({ text }: { text: string }) {
  const parsed = parseOpeningHours(text);
  // Imported lieux may carry free text; show it as written rather than hide it.
  if (!parsed.ok) return <p className="pre-line">{text}</p>;
  return (
    <ul className="plain-list">
      {describeOpeningHours(parsed.value).map((line, i) => (
        <li key={i}>
          <span className="horaires-days">{line.days}</span>&nbsp;: {line.hours}
        </li>
      ))}
    </ul>
  );
}

function telHref(phone: string): string {
  return `tel:${phone.replace(/\s/g, "")}`;
}

/** A lieu on its acteur's page: address, hours, contact, services and the schema's other lists. */
export function LieuDetails({ lieu, headingLevel = 3, editHref }: { lieu: Lieu; headingLevel?: 3 | 4; editHref?: string }) {
  const Heading = `h${headingLevel}` as const;
  const lists = LIEU_LIST_FIELD_NAMES.filter((name) => lieu[name].length > 0);
  const hasCoordinates = lieu.latitude !== null && lieu.longitude !== null;
  return (
    <article className="card lieu" id={`lieu-${lieu.id}`} aria-labelledby={`lieu-${lieu.id}-titre`}>
      <Heading id={`lieu-${lieu.id}-titre`}>{lieu.nom}</Heading>
      {lieu.presentationResume && <p className="lieu__resume">{lieu.presentationResume}</p>}
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
          {hasCoordinates && (
            <a href={`https://www.openstreetmap.org/?mlat=${lieu.latitude}&mlon=${lieu.longitude}#map=18/${lieu.latitude}/${lieu.longitude}`}>
              Voir sur la carte OpenStreetMap<span className="visually-hidden"> : {lieu.nom}</span>
            </a>
          )}
        </dd>
        {lieu.horaires && (
          <>
            <dt>Horaires</dt>
            <dd>
              <Horaires text={lieu.horaires} />
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
            <dt>{lieu.courriels.length > 1 ? "Adresses électroniques" : "Adresse électronique"}</dt>
            <dd>
              <ul className="plain-list">
                {lieu.courriels.map((email) => (
                  <li key={email}>
                    <a href={`mailto:${email}`}>{email}</a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {lieu.siteWeb.length > 0 && (
          <>
            <dt>{lieu.siteWeb.length > 1 ? "Sites web" : "Site web"}</dt>
            <dd>
              <ul className="plain-list">
                {lieu.siteWeb.map((url) => (
                  <li key={url}>
                    <a href={url} rel="noopener noreferrer">
                      {url.replace(/^https?:\/\//, "")}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {lists.map((name) => (
          <Fragment key={name}>
            <dt>{LIEU_LIST_FIELDS[name].legend}</dt>
            <dd>
              <ul className="tags">
                {lieu[name].map((value) => (
                  <li key={value} className="tag">
                    {value}
                  </li>
                ))}
              </ul>
            </dd>
          </Fragment>
        ))}
      </dl>
      {lieu.presentationDetail && <p className="pre-line">{lieu.presentationDetail}</p>}
      {editHref && (
        <p>
          <Link href={editHref}>
            Modifier ce lieu<span className="visually-hidden"> : {lieu.nom}</span>
          </Link>
        </p>
      )}
    </article>
  );
}

import { formatDistance } from "@/lib/orientation/distance";
import type { Need } from "@/lib/orientation/needs";
import { PARIS_TIME_ZONE } from "@/lib/lieu/paris-time";
import type { OrientationMatch } from "@/server/orientation";
import { ContactRows } from "./ContactRows";
import { OpeningLines } from "./OpeningHours";

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: PARIS_TIME_ZONE });

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The sheet handed to the person: large type, the chosen lieux with address, how to reach them, and hours. */
export function PrintSheet({ need, matches, date, fromPoint }: { need: Need; matches: OrientationMatch[]; date: Date; fromPoint: boolean }) {
  return (
    <article className="fiche-orientation" aria-labelledby="fiche-orientation-titre">
      <p className="fiche-orientation__date">Fiche d&apos;orientation du {dateFormat.format(date)}</p>
      <h1 id="fiche-orientation-titre">Où trouver de l&apos;aide : {need.label}</h1>
      <p>
        {matches.length > 1 ? `Voici ${matches.length} lieux` : "Voici un lieu"} où l&apos;on peut vous aider, avec la façon de
        {matches.length > 1 ? " les" : " le"} joindre avant de vous déplacer.
      </p>
      {matches.map(({ lieu, distanceKm, contact }) => {
        const welcomes = [...lieu.publicsSpecifiquementAdresses, ...lieu.priseEnChargeSpecifique];
        return (
          <section key={lieu.id} className="fiche-orientation__lieu" aria-labelledby={`fiche-lieu-${lieu.id}`}>
            <h2 id={`fiche-lieu-${lieu.id}`}>{lieu.nom}</h2>
            <p className="fiche-orientation__acteur">{lieu.acteur.nom}</p>
            <dl>
              <Row label="Adresse">
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
                {fromPoint && distanceKm !== null && <span>à {formatDistance(distanceKm)}</span>}
              </Row>
              <ContactRows contact={contact} acteurNom={lieu.acteur.nom} printed />
              <Row label="Horaires">{lieu.horaires ? <OpeningLines horaires={lieu.horaires} /> : "Non indiqués."}</Row>
              <Row label="En cas de doute">{contact.sentence}</Row>
              {lieu.modalitesAcces.length > 0 && <Row label="Pour y aller">{lieu.modalitesAcces.join(", ")}</Row>}
              {lieu.fraisACharge.length > 0 && <Row label="Coût">{lieu.fraisACharge.join(", ")}</Row>}
              {welcomes.length > 0 && <Row label="Accueille">{welcomes.join(", ")}</Row>}
            </dl>
          </section>
        );
      })}
      <p className="fiche-orientation__pied">
        Fiche préparée avec le Wiki de la Solidarité numérique. Aucune information sur vous n&apos;a été enregistrée.
      </p>
    </article>
  );
}

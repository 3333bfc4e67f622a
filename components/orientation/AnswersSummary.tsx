import { Link } from "@/components/ui/Link";
import type { Need } from "@/lib/orientation/needs";
import { orientationHref } from "@/lib/orientation/url";
import type { OrientationAnswers } from "@/lib/schemas/orientation";

export type PlaceSummary = { commune?: string; pointLabel?: string };

/** The answers so far, each with a link to change it. */
export function AnswersSummary({ answers, need, place }: { answers: OrientationAnswers; need?: Need; place?: PlaceSummary }) {
  const person = [...answers.public, ...answers.prise];
  const where = [place?.commune, place?.pointLabel].filter(Boolean).join(" ; ");
  return (
    <dl className="details orientation-summary">
      {need && (
        <>
          <dt>Besoin</dt>
          <dd>
            {need.label} · <Link href={orientationHref(answers, "besoin")}>Modifier<span className="visually-hidden"> le besoin</span></Link>
          </dd>
        </>
      )}
      {need && (
        <>
          <dt>Personne</dt>
          <dd>
            {person.length ? person.join(", ") : "Rien de particulier"} ·{" "}
            <Link href={orientationHref(answers, "personne")}>Modifier<span className="visually-hidden"> la personne</span></Link>
          </dd>
        </>
      )}
      {place && (
        <>
          <dt>Où</dt>
          <dd>
            {where || "Partout"} · <Link href={orientationHref(answers, "lieu")}>Modifier<span className="visually-hidden"> le lieu</span></Link>
          </dd>
        </>
      )}
    </dl>
  );
}

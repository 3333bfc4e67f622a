import { openingHoursToFrench, type OpeningState } from "@/lib/lieu/opening-hours";
import type { ContactAdvice } from "@/lib/orientation/contact";

const STATE_LABELS: Record<OpeningState, string> = {
  open: "Ouvert maintenant",
  closed: "Fermé en ce moment",
  unknown: "Sur rendez-vous ou horaires à confirmer",
};

/** Whether the lieu is open now, in words (never by colour alone); without hours, how to reach it first. */
export function OpeningStatus({ state, contact }: { state: OpeningState | null; contact: ContactAdvice }) {
  if (!state) return <p className="opening opening--none">Horaires non renseignés : {contact.clause}.</p>;
  return <p className={`opening opening--${state}`}>{STATE_LABELS[state]}</p>;
}

/** The opening hours in French, one line per rule; text the wiki cannot read is shown as written. */
export function OpeningLines({ horaires }: { horaires: string | null }) {
  if (!horaires) return null;
  const lines = openingHoursToFrench(horaires);
  if (!lines) return <p className="pre-line">{horaires}</p>;
  return (
    <ul className="plain-list">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

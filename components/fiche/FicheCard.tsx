import Link from "next/link";
import type { FicheSummary } from "@/db/queries/fiche";
import type { EtatAction } from "@/lib/fiche/document";
import { displayTitre, ETAT_LABELS, FICHE_TYPE_LABELS } from "@/lib/fiche/labels";
import { FicheBadges } from "./FicheBadges";
import { SuggestedMark } from "./SuggestedMark";

/** One fiche in a list: title, type, place, state, excerpt and themes. */
export function FicheCard({ fiche, headingLevel = 3 }: { fiche: FicheSummary; headingLevel?: 2 | 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  const details = [FICHE_TYPE_LABELS[fiche.type].singular, fiche.commune, fiche.etat ? ETAT_LABELS[fiche.etat as EtatAction] : null].filter(Boolean);
  return (
    <li className="card fiche-card">
      <Heading className="fiche-card__titre">
        <Link href={`/fiches/${fiche.slug}`}>{displayTitre(fiche.titre)}</Link>
      </Heading>
      <p className="muted fiche-card__details">{details.join(" · ")}</p>
      <FicheBadges statut={fiche.statut} aVerifier={fiche.aVerifier} ebauche={fiche.ebauche} />
      {fiche.extrait && <p className="fiche-card__extrait">{fiche.extrait}</p>}
      {fiche.themes.length > 0 && (
        <ul className="tags" aria-label="Thèmes">
          {fiche.themes.map((t) => (
            <li key={t.slug} className={t.suggested ? "tag tag--suggere" : "tag"}>
              {t.label}
              {t.suggested && <SuggestedMark />}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** A list of fiche cards, or a sentence saying there is none. */
export function FicheCards({ fiches, empty, headingLevel }: { fiches: FicheSummary[]; empty: string; headingLevel?: 2 | 3 | 4 }) {
  if (fiches.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="cards">
      {fiches.map((f) => (
        <FicheCard key={f.id} fiche={f} headingLevel={headingLevel} />
      ))}
    </ul>
  );
}

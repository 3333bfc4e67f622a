import { BookOpen, Lightbulb, MapPin, Repeat, Users, Handshake, type LucideIcon } from "lucide-react";
import type { FicheSummary } from "@/db/queries/fiche";
import type { EtatAction } from "@/lib/fiche/document";
import type { FicheType } from "@/lib/fiche/values";
import { displayTitre, ETAT_LABELS, FICHE_TYPE_LABELS } from "@/lib/fiche/labels";
import { repriseCommunesLabel } from "@/lib/reprise/values";
import { Card, CardMeta, CardTitle } from "@/components/ui/Card";
import { Tag, Tags } from "@/components/ui/Tag";
import { FicheBadges } from "./FicheBadges";
import { SuggestedMark } from "./SuggestedMark";

const TYPE_ICONS: Record<FicheType, LucideIcon> = { pratique: Handshake, idee: Lightbulb, fiche_pratique: BookOpen };

/** How many acteurs a card names before « et N autres ». */
const ACTEURS_SHOWN = 2;

function acteursLine(acteurs: string[]): string {
  if (acteurs.length <= ACTEURS_SHOWN + 1) return acteurs.join(", ");
  const more = acteurs.length - ACTEURS_SHOWN;
  return `${acteurs.slice(0, ACTEURS_SHOWN).join(", ")} et ${more} autres`;
}

/** One fiche in a list: its type, title, state, excerpt, commune, acteurs and themes. */
export function FicheCard({ fiche, headingLevel = 3 }: { fiche: FicheSummary; headingLevel?: 2 | 3 | 4 }) {
  const TypeIcon = TYPE_ICONS[fiche.type];
  const type = [FICHE_TYPE_LABELS[fiche.type].singular, fiche.etat ? ETAT_LABELS[fiche.etat as EtatAction] : null].filter(Boolean).join(" · ");
  return (
    <Card className="fiche-card">
      <CardTitle href={`/fiches/${fiche.slug}`} level={headingLevel} className="fiche-card__titre">
        {displayTitre(fiche.titre)}
      </CardTitle>
      <CardMeta icon={<TypeIcon size={16} aria-hidden="true" />}>{type}</CardMeta>
      <FicheBadges statut={fiche.statut} aVerifier={fiche.aVerifier} ebauche={fiche.ebauche} />
      {fiche.extrait && <p className="fiche-card__extrait">{fiche.extrait}</p>}
      {fiche.commune && (
        <p className="card__fact">
          <MapPin size={16} aria-hidden="true" />
          <span className="visually-hidden">Commune : </span>
          {fiche.commune}
        </p>
      )}
      {fiche.repriseCommunes > 0 && (
        <p className="card__fact">
          <Repeat size={16} aria-hidden="true" />
          {repriseCommunesLabel(fiche.repriseCommunes)}
        </p>
      )}
      {fiche.acteurs.length > 0 && (
        <p className="card__fact">
          <Users size={16} aria-hidden="true" />
          <span className="visually-hidden">Acteurs : </span>
          {acteursLine(fiche.acteurs)}
        </p>
      )}
      {fiche.themes.length > 0 && (
        <Tags label="Thèmes">
          {fiche.themes.map((t) => (
            <Tag key={t.slug} tone={t.suggested ? "suggested" : "theme"}>
              {t.label}
              {t.suggested && <SuggestedMark />}
            </Tag>
          ))}
        </Tags>
      )}
    </Card>
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

import { Building2, MapPin } from "lucide-react";
import type { ActeurListItem } from "@/db/queries/acteur";
import { ACTEUR_CATEGORIE_LABELS, typologieLabel } from "@/lib/acteur/labels";
import { excerptOf } from "@/lib/text/excerpt";
import { Card, CardMeta, CardTitle } from "@/components/ui/Card";
import { Tag, Tags } from "@/components/ui/Tag";

/** An acteur in the directory: its kind, name (a link to its page), communes, description and themes. */
export function ActeurCard({ acteur }: { acteur: ActeurListItem }) {
  return (
    <Card className="acteur-card">
      <CardTitle href={`/acteurs/${acteur.slug}`}>{acteur.nom}</CardTitle>
      <CardMeta icon={<Building2 size={16} aria-hidden="true" />}>
        {ACTEUR_CATEGORIE_LABELS[acteur.categorie]} · {typologieLabel(acteur.typologie)}
      </CardMeta>
      {acteur.communes.length > 0 && (
        <p className="card__fact">
          <MapPin size={16} aria-hidden="true" />
          {acteur.communes.length > 1 ? "Lieux à " : "Lieu à "}
          {acteur.communes.join(", ")}
        </p>
      )}
      {acteur.description && <p>{excerptOf(acteur.description)}</p>}
      {acteur.themes.length > 0 && (
        <Tags label="Thèmes">
          {acteur.themes.map((theme) => (
            <Tag key={theme.slug}>{theme.label}</Tag>
          ))}
        </Tags>
      )}
    </Card>
  );
}

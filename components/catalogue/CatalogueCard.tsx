import { GraduationCap } from "lucide-react";
import type { CatalogueSummary } from "@/db/queries/catalogue";
import { excerptOf } from "@/lib/text/excerpt";
import { Card, CardMeta, CardTitle } from "@/components/ui/Card";

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** A catalogue in a list: its title links to its page; a draft says so. */
export function CatalogueCard({ catalogue }: { catalogue: CatalogueSummary }) {
  const details = [plural(catalogue.moduleCount, "module", "modules"), plural(catalogue.ficheCount, "fiche", "fiches"), catalogue.duree].filter(Boolean);
  return (
    <Card className="catalogue-card">
      <CardTitle href={`/catalogues/${catalogue.slug}`}>{catalogue.titre}</CardTitle>
      <CardMeta icon={<GraduationCap size={16} aria-hidden="true" />}>{details.join(" · ")}</CardMeta>
      {catalogue.statut === "brouillon" && (
        <ul className="badges" aria-label="État du catalogue">
          <li className="badge badge--brouillon">Brouillon</li>
        </ul>
      )}
      {catalogue.publicVise && <p>Pour : {catalogue.publicVise}</p>}
      {catalogue.description && <p>{excerptOf(catalogue.description)}</p>}
      {catalogue.owners.length > 0 && <p className="muted">Par {catalogue.owners.join(", ")}</p>}
    </Card>
  );
}

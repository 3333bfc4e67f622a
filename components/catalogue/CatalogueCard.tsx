import Link from "next/link";
import type { CatalogueSummary } from "@/db/queries/catalogue";

const EXCERPT = 220;

function excerpt(text: string): string {
  if (text.length <= EXCERPT) return text;
  const cut = text.slice(0, EXCERPT);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : EXCERPT)}…`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** A catalogue in a list: its title links to its page; a draft says so. */
export function CatalogueCard({ catalogue }: { catalogue: CatalogueSummary }) {
  const details = [plural(catalogue.moduleCount, "module", "modules"), plural(catalogue.ficheCount, "fiche", "fiches"), catalogue.duree].filter(Boolean);
  return (
    <li className="card catalogue-card">
      <h3>
        <Link href={`/catalogues/${catalogue.slug}`}>{catalogue.titre}</Link>
      </h3>
      {catalogue.statut === "brouillon" && (
        <ul className="badges" aria-label="État du catalogue">
          <li className="badge badge--brouillon">Brouillon</li>
        </ul>
      )}
      <p className="muted">{details.join(" · ")}</p>
      {catalogue.publicVise && <p>Pour : {catalogue.publicVise}</p>}
      {catalogue.description && <p>{excerpt(catalogue.description)}</p>}
      {catalogue.owners.length > 0 && <p className="muted">Par {catalogue.owners.join(", ")}</p>}
    </li>
  );
}

import Link from "next/link";
import type { ActeurListItem } from "@/db/queries/acteur";
import { ACTEUR_CATEGORIE_LABELS, typologieLabel } from "@/lib/acteur/labels";

const EXCERPT = 220;

function excerpt(text: string): string {
  if (text.length <= EXCERPT) return text;
  const cut = text.slice(0, EXCERPT);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : EXCERPT)}…`;
}

/** An acteur in the directory: its name links to its page. */
export function ActeurCard({ acteur }: { acteur: ActeurListItem }) {
  return (
    <li className="card acteur-card">
      <h3>
        <Link href={`/acteurs/${acteur.slug}`}>{acteur.nom}</Link>
      </h3>
      <p className="muted">
        {ACTEUR_CATEGORIE_LABELS[acteur.categorie]} · {typologieLabel(acteur.typologie)}
      </p>
      {acteur.communes.length > 0 && (
        <p>
          {acteur.communes.length > 1 ? "Lieux à " : "Lieu à "}
          {acteur.communes.join(", ")}
        </p>
      )}
      {acteur.description && <p>{excerpt(acteur.description)}</p>}
      {acteur.themes.length > 0 && (
        <ul className="tags" aria-label="Thèmes">
          {acteur.themes.map((theme) => (
            <li key={theme.slug} className="tag">
              {theme.label}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

import { Link } from "@/components/ui/Link";
import type { Backlink } from "@/db/queries/backlink";
import { displayTitre, FICHE_STATUT_LABELS, FICHE_TYPE_LABELS } from "@/lib/fiche/labels";

/** "Cité dans…": the fiches whose body links to the fiche or acteur of the page. */
export function Backlinks({ backlinks, subject }: { backlinks: Backlink[]; subject: "fiche" | "acteur" }) {
  return (
    <section aria-labelledby="cite-dans" className="backlinks">
      <h2 id="cite-dans">Cité dans…</h2>
      {backlinks.length === 0 ? (
        <p className="muted">{subject === "fiche" ? "Aucune autre fiche ne cite encore celle-ci." : "Aucune fiche ne mentionne encore cet acteur."}</p>
      ) : (
        <ul className="backlinks__list">
          {backlinks.map((b) => (
            <li key={b.id}>
              <Link href={`/fiches/${b.slug}`}>{displayTitre(b.titre)}</Link>{" "}
              <span className="muted">
                ({FICHE_TYPE_LABELS[b.type].singular}
                {b.statut !== "publiee" ? `, ${FICHE_STATUT_LABELS[b.statut].toLowerCase()}` : ""})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { Link } from "@/components/ui/Link";
import type { CatalogueIncludingFiche } from "@/db/queries/catalogue";

/** "Dans les catalogues": the public catalogues that include a fiche, for the fiche's page; nothing when there is none. */
export function CataloguesOfFiche({ catalogues }: { catalogues: CatalogueIncludingFiche[] }) {
  if (catalogues.length === 0) return null;
  return (
    <section aria-labelledby="fiche-catalogues">
      <h2 id="fiche-catalogues">Dans les catalogues de formation</h2>
      <ul>
        {catalogues.map((c) => (
          <li key={c.slug}>
            <Link href={`/catalogues/${c.slug}`}>{c.titre}</Link>
            {c.owners.length > 0 && <span className="muted"> ({c.owners.join(", ")})</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

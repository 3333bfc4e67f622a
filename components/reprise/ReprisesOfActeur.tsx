import { Link } from "@/components/ui/Link";
import type { RepriseOfActeur } from "@/db/queries/reprise";
import { displayTitre } from "@/lib/fiche/labels";
import { formatDepuis } from "@/lib/reprise/schema";
import styles from "./Reprises.module.css";

/** « Pratiques reprises »: the published fiches this acteur took up; nothing when there is none. */
export function ReprisesOfActeur({ reprises }: { reprises: RepriseOfActeur[] }) {
  if (reprises.length === 0) return null;
  return (
    <section aria-labelledby="titre-reprises">
      <h2 id="titre-reprises">Pratiques reprises</h2>
      <ul className={styles.list}>
        {reprises.map((r) => (
          <li key={r.id}>
            <p>
              <Link href={`/fiches/${r.ficheSlug}#reprises`}>{displayTitre(r.ficheTitre)}</Link>, à {r.commune}, depuis {formatDepuis(r.depuis)}
            </p>
            {r.changements && <p className="pre-line">Ce qui a changé : {r.changements}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

import { Link } from "@/components/ui/Link";
import type { Contributor } from "@/db/queries/revision";

const date = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

/** Who worked on a fiche, most recent first, with a link to its full history. */
export function Contributors({ slug, contributors }: { slug: string; contributors: Contributor[] }) {
  return (
    <section aria-labelledby="fiche-contributeurs" className="contributors">
      <h2 id="fiche-contributeurs">Contributeurs</h2>
      {contributors.length === 0 ? (
        <p className="muted">Aucune contribution signée pour l&apos;instant : cette fiche vient d&apos;un import.</p>
      ) : (
        <ul className="contributors__list">
          {contributors.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong>, dernière contribution le{" "}
              <time dateTime={c.lastContributionAt.toISOString()}>{date.format(c.lastContributionAt)}</time>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href={`/fiches/${slug}/historique`}>Historique</Link> : toutes les versions de la fiche, pour les comparer ou en restaurer une.
      </p>
    </section>
  );
}

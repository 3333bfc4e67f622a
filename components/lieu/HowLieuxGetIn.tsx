import { Link } from "@/components/ui/Link";

const CARTOGRAPHIE_URL = "https://cartographie.societenumerique.gouv.fr/";
// A search rather than the dataset's address: the search keeps working if the dataset is renamed or moved.
const DATA_GOUV_URL = "https://www.data.gouv.fr/fr/datasets/?q=lieux+de+m%C3%A9diation+num%C3%A9rique";

/**
 * How lieux get into the wiki, for the pages that have none to show: the wiki never makes one up,
 * so an empty map says who can add them and where the national data comes from.
 */
export function HowLieuxGetIn({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby="titre-arrivee-lieux" className="alert">
      <Heading id="titre-arrivee-lieux">Comment les lieux arrivent sur le wiki</Heading>
      <p>Le wiki n&apos;invente aucun lieu : chacun y est entré par l&apos;un de ces deux chemins.</p>
      <ul>
        <li>
          <strong>Depuis la page d&apos;un acteur.</strong> Les membres d&apos;une organisation ouvrent sa page dans{" "}
          <Link href="/acteurs">l&apos;annuaire des acteurs</Link> et choisissent « Ajouter un lieu » ; les horaires
          s&apos;écrivent en français. Votre organisation n&apos;y est pas encore ?{" "}
          <Link href="/acteurs/nouveau">Présentez votre organisation</Link>.
        </li>
        <li>
          <strong>Par l&apos;import des données nationales.</strong> Un modérateur télécharge le fichier CSV de la{" "}
          <a href={CARTOGRAPHIE_URL} rel="noopener noreferrer">
            Cartographie nationale des lieux d&apos;inclusion numérique
          </a>{" "}
          (aussi publié en données ouvertes sur data.gouv.fr, jeu de données{" "}
          <a href={DATA_GOUV_URL} rel="noopener noreferrer">
            « Lieux de médiation numérique »
          </a>
          ), puis l&apos;importe depuis la page <Link href="/moderation/import-lieux">Importer des lieux</Link>, qui montre ce
          qui sera créé avant d&apos;écrire quoi que ce soit.
        </li>
      </ul>
    </section>
  );
}

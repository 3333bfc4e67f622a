import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { getDb } from "@/db/client";
import { CoverageTable } from "@/components/couverture/CoverageTable";
import { SERVICE_THEMES } from "@/lib/orientation/needs";
import { getCoverage, type CoverageMatrix } from "@/server/couverture";

export const metadata: Metadata = {
  title: "Ce qui existe, ce qui manque",
  description: "Les fiches et les lieux d'accueil par commune et par thème, par public et par service : où l'offre manque encore.",
};
export const dynamic = "force-dynamic";

function gaps(matrix: CoverageMatrix): { empty: number; total: number } {
  const cells = matrix.cells.flat();
  return { empty: cells.filter((c) => !c.fiches && !c.lieux).length, total: cells.length };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

function Legend() {
  return (
    <p className="coverage-legend">
      <span className="coverage-gap coverage-gap--sample">aucun</span> : ni fiche ni lieu, un manque à combler. Les autres
      cases donnent le nombre de fiches publiées et de lieux d&apos;accueil.
    </p>
  );
}

export default function CouverturePage() {
  const { themeCommune, publicService, summary, reprises } = getCoverage(getDb());
  const byCommune = gaps(themeCommune);
  const byPublic = gaps(publicService);
  const themeLabels = new Map(themeCommune.columns.map((c) => [c.key, c.label]));
  const themesOfServices = Object.entries(SERVICE_THEMES).map(([service, slugs]) => [service, slugs.map((s) => themeLabels.get(s) ?? s)] as const);

  return (
    <>
      <h1>Ce qui existe, ce qui manque</h1>
      <p>
        Le Livre blanc de la Solidarité numérique demandait de montrer ce qui manque, pas seulement ce qui existe. Ces tableaux
        croisent les fiches publiées et les lieux d&apos;accueil : chaque case vide est un territoire, un thème ou un public
        que personne ne couvre encore, ou que personne n&apos;a encore décrit.
      </p>
      <ul className="coverage-summary">
        <li>
          {plural(summary.fiches, "fiche publiée", "fiches publiées")}, dont {plural(summary.fichesSansTheme, "sans thème", "sans thème")} et{" "}
          {plural(summary.fichesSansCommune, "sans commune", "sans commune")} : les compléter rend ces tableaux plus justes.
        </li>
        <li>
          {plural(summary.lieux, "lieu d'accueil", "lieux d'accueil")} ; pour {summary.lieuxSansTheme} d&apos;entre eux, l&apos;acteur
          n&apos;indique encore aucun thème.
        </li>
        {reprises.reprises > 0 ? (
          <li>
            {plural(reprises.reprises, "reprise déclarée", "reprises déclarées")} par des acteurs, de{" "}
            {plural(reprises.fiches, "pratique", "pratiques")}, dans {plural(reprises.communes, "commune", "communes")} :{" "}
            <Link href="/fiches?reprise=oui">voir les pratiques reprises</Link>.
          </li>
        ) : (
          <li>Aucun acteur n&apos;a encore déclaré avoir repris une pratique : « Nous l&apos;avons reprise », sur sa fiche, la fait compter ici.</li>
        )}
      </ul>

      <section aria-labelledby="titre-communes">
        <h2 id="titre-communes">Par commune et par thème</h2>
        <p>
          {byCommune.empty} cases vides sur {byCommune.total}. Un lieu compte pour les thèmes de son acteur ; une fiche, pour sa
          commune, celles de ses lieux et celles où un acteur l&apos;a reprise.{" "}
          <a href="/couverture/themes-communes.csv" download>
            Télécharger ce tableau (CSV, une ligne par case)
          </a>
        </p>
        <Legend />
        <CoverageTable id="couverture-communes" caption="Fiches et lieux par commune (lignes) et par thème (colonnes)" matrix={themeCommune} rowHeader="Commune" />
      </section>

      <section aria-labelledby="titre-publics">
        <h2 id="titre-publics">Par public et par service</h2>
        <p>
          {byPublic.empty} cases vides sur {byPublic.total}. Les lieux comptent selon ce qu&apos;ils déclarent (liste nationale) ;
          un lieu sans public spécifique compte comme « Tout public ».{" "}
          <a href="/couverture/publics-services.csv" download>
            Télécharger ce tableau (CSV, une ligne par case)
          </a>
        </p>
        <details className="coverage-correspondences">
          <summary>Comment les fiches sont comptées ici</summary>
          <p>
            Les fiches n&apos;ont pas de services : elles comptent pour un service par leurs thèmes, et pour un public par leurs
            publics cibles (Seniors, Jeunes, Personnes en situation de handicap…). Une fiche sans public compte comme « Tout
            public ».
          </p>
          <ul>
            {themesOfServices.map(([service, themes]) => (
              <li key={service}>
                {service} : thème{themes.length > 1 ? "s" : ""} {themes.join(", ")}
              </li>
            ))}
          </ul>
        </details>
        <Legend />
        <CoverageTable id="couverture-publics" caption="Fiches et lieux par public (lignes) et par service (colonnes)" matrix={publicService} rowHeader="Public" />
      </section>
      <p>
        Pour combler un manque : <Link href="/fiches/nouvelle">décrivez une action</Link>,{" "}
        <Link href="/acteurs/nouveau">présentez votre organisation</Link> et ses lieux, ou{" "}
        <Link href="/carte">voyez sur la carte</Link> qui agit déjà près de chez vous.
      </p>
    </>
  );
}

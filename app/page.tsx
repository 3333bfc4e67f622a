import Link from "next/link";
import { getDb } from "@/db/client";
import { listLatestFiches } from "@/db/queries/fiche";
import { countHome } from "@/db/queries/home";
import { listTermsByTaxonomy } from "@/db/queries/taxonomy";
import { FicheCards } from "@/components/fiche/FicheCard";
import { FICHE_TYPES } from "@/lib/fiche/values";
import { FICHE_TYPE_LABELS } from "@/lib/fiche/labels";

export const dynamic = "force-dynamic";

export default function HomePage() {
  const db = getDb();
  const counts = countHome(db);
  const themes = listTermsByTaxonomy(db, "theme");
  const latest = listLatestFiches(db, 6);
  return (
    <>
      <h1>Le wiki de la Solidarité numérique</h1>
      <p>
        Associations, bibliothèques, centres sociaux, services publics et entreprises agissent chaque jour pour que
        personne ne reste à l&apos;écart du numérique. Ce wiki rassemble leurs actions, leurs idées et leurs façons de
        faire, pour que chacun trouve un partenaire, oriente une personne vers le bon endroit et s&apos;inspire de ce qui
        marche ailleurs.
      </p>
      <h2>En chiffres</h2>
      <ul className="stats">
        {FICHE_TYPES.map((type) => (
          <li key={type}>
            <strong>{counts.fiches[type]}</strong>{" "}
            <Link href={`/fiches?type=${type}`}>{counts.fiches[type] > 1 ? FICHE_TYPE_LABELS[type].plural.toLowerCase() : FICHE_TYPE_LABELS[type].singular.toLowerCase()}</Link>
          </li>
        ))}
        <li>
          <strong>{counts.acteurs}</strong> acteur{counts.acteurs > 1 ? "s" : ""}
        </li>
        <li>
          <strong>{counts.lieux}</strong> lieu{counts.lieux > 1 ? "x" : ""} d&apos;accueil
        </li>
        <li>
          <strong>{counts.contributeurs}</strong> contributeur{counts.contributeurs > 1 ? "s" : ""}
        </li>
      </ul>
      <p>
        <Link href="/carte">Carte des lieux d&apos;accueil</Link> · <Link href="/orientation">Vers qui se tourner ?</Link> ·{" "}
        <Link href="/couverture">Ce qui existe, ce qui manque</Link>
      </p>
      {counts.acteurs === 0 && (
        <div className="alert">
          L&apos;annuaire est encore vide.{" "}
          <Link href="/acteurs/nouveau">Présentez la première organisation</Link> et ses lieux d&apos;accueil.
        </div>
      )}
      <h2>Les dernières fiches</h2>
      <FicheCards fiches={latest} empty="Aucune fiche n'est encore publiée." />
      <p>
        <Link href="/fiches">Toutes les fiches</Link> · <Link href="/fiches/nouvelle">Créer une fiche</Link>
      </p>
      <h2>Les thèmes</h2>
      <ul className="cards">
        {themes.map((theme) => (
          <li key={theme.id} className="card">
            <h3>
              <Link href={`/themes/${theme.slug}`}>{theme.label}</Link>
            </h3>
            <p>{theme.description}</p>
          </li>
        ))}
      </ul>
      <p>
        <Link href="/taxonomies">Voir tous les thèmes, publics, enjeux et objectifs</Link>
      </p>
    </>
  );
}

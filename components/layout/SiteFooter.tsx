import Link from "next/link";
import type { Licence } from "@/lib/licence";

export function SiteFooter({ licence }: { licence: Licence }) {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>
          Le wiki de la Solidarité numérique est né du{" "}
          <em>Livre blanc de la Solidarité numérique</em> de la Ville de Bordeaux (2016) : un outil partagé pour que chaque
          acteur trouve un partenaire, oriente une personne vers le bon endroit et s&apos;inspire de ce qui marche ailleurs.
        </p>
        <p className="site-footer__licence">
          Contenu sous licence{" "}
          <a href={licence.url} rel="license noopener noreferrer">
            {licence.name}
          </a>
          .
        </p>
        <p>
          <Link href="/modifications-recentes">Modifications récentes</Link> · <Link href="/taxonomies">Thèmes et publics</Link> ·{" "}
          <Link href="/acteurs">Annuaire des acteurs</Link> ·{" "}
          <Link href="/export">Exporter le contenu</Link> · <Link href="/api">API ouverte</Link>
        </p>
      </div>
    </footer>
  );
}

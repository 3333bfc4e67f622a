import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>
          Le wiki de la Solidarité numérique est né du{" "}
          <em>Livre blanc de la Solidarité numérique</em> de la Ville de Bordeaux (2016) : un outil partagé pour que chaque
          acteur trouve un partenaire, oriente une personne vers le bon endroit et s&apos;inspire de ce qui marche ailleurs.
        </p>
        <p>
          <Link href="/taxonomies">Thèmes et publics</Link> · <Link href="/acteurs">Annuaire des acteurs</Link>
        </p>
      </div>
    </footer>
  );
}

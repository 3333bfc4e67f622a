import { Link } from "@/components/ui/Link";
import type { Licence } from "@/lib/licence";
import { Logo } from "@/components/ui/Logo";

const LINKS = [
  { href: "/modifications-recentes", label: "Modifications récentes" },
  { href: "/taxonomies", label: "Thèmes et publics" },
  { href: "/acteurs", label: "Annuaire des acteurs" },
  { href: "/couverture", label: "Ce qui existe, ce qui manque" },
  { href: "/export", label: "Exporter le contenu" },
  { href: "/api", label: "API ouverte" },
];

export function SiteFooter({ licence }: { licence: Licence }) {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p className="site-footer__brand">
          <Logo size={28} />
          Wiki de la Solidarité numérique
        </p>
        <p>
          Né du <em>Livre blanc de la Solidarité numérique</em> de la Ville de Bordeaux (2016) : un outil partagé pour que
          chaque acteur trouve un partenaire, oriente une personne vers le bon endroit et s&apos;inspire de ce qui marche
          ailleurs.
        </p>
        <nav aria-label="Pied de page">
          <ul className="site-footer__links">
            {LINKS.map((link) => (
              <li key={link.href}>
                <Link href={link.href}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className="site-footer__licence">
          Contenu sous licence{" "}
          <a href={licence.url} rel="license noopener noreferrer">
            {licence.name}
          </a>
          .
        </p>
      </div>
    </footer>
  );
}

import { Link } from "@/components/ui/Link";
import { displayTitre } from "@/lib/fiche/labels";

type Crumb = { href?: string; label: string };

/** Where a history page sits: Fiches › the fiche › Historique › … ; the last crumb is the current page. */
export function HistoryBreadcrumb({ slug, titre, trail = [] }: { slug: string; titre: string; trail?: Crumb[] }) {
  const crumbs: Crumb[] = [{ href: "/fiches", label: "Fiches" }, { href: `/fiches/${slug}`, label: displayTitre(titre) }, ...trail];
  return (
    <nav aria-label="Fil d'Ariane" className="history-breadcrumb">
      <ol>
        {crumbs.map((crumb, i) => (
          <li key={i}>
            {crumb.href && i < crumbs.length - 1 ? (
              <Link href={crumb.href}>{crumb.label}</Link>
            ) : (
              <span aria-current="page">{crumb.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

import { Link } from "@/components/ui/Link";
import { isAdmin, isModerator, type Viewer } from "@/lib/policies/viewer";
import { HeaderSearch } from "@/components/search/HeaderSearch";
import { Logo } from "@/components/ui/Logo";
import { Menu } from "@/components/ui/Menu";
import { NotificationBell } from "@/components/notification/NotificationBell";
import { NavLink } from "./NavLink";
import { SignInLinks } from "./SignInLinks";
import { SignOutButton } from "./SignOutButton";

const NAV = [
  { href: "/fiches", label: "Fiches" },
  { href: "/acteurs", label: "Acteurs" },
  { href: "/catalogues", label: "Catalogues" },
  { href: "/taxonomies", label: "Thèmes et publics" },
  { href: "/carte", label: "Carte" },
  { href: "/orientation", label: "Vers qui se tourner ?" },
];

/** The site's header: its mark, the search, then the navigation and account links, behind « Menu » below 600 px. */
export function SiteHeader({ viewer }: { viewer: Viewer | null }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-brand">
          <Logo />
          <span className="site-brand__text">
            <span className="site-brand__name">Wiki de la Solidarité numérique</span>{" "}
            <span className="site-brand__tagline">Qui fait quoi pour l&apos;inclusion numérique</span>
          </span>
        </Link>
        <div className="site-header__search">
          <HeaderSearch />
        </div>
        <Menu label="Menu" id="menu-du-site" className="site-menu" buttonClassName="site-menu__toggle" panelClassName="site-menu__panel">
          <nav className="site-nav" aria-label="Navigation principale">
            <ul>
              {NAV.map((item) => (
                <li key={item.href}>
                  <NavLink href={item.href}>{item.label}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <nav className="user-nav" aria-label="Mon compte">
            <ul>
              {viewer ? (
                <>
                  <li>
                    <NavLink href="/compte">{viewer.name}</NavLink>
                  </li>
                  <li>
                    <NotificationBell />
                  </li>
                  {isModerator(viewer) && (
                    <li>
                      <NavLink href="/moderation">Modération</NavLink>
                    </li>
                  )}
                  {isAdmin(viewer) && (
                    <li>
                      <NavLink href="/admin">Administration</NavLink>
                    </li>
                  )}
                  <li>
                    <SignOutButton />
                  </li>
                </>
              ) : (
                <SignInLinks />
              )}
            </ul>
          </nav>
        </Menu>
      </div>
    </header>
  );
}

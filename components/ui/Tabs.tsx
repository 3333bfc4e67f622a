import { Link } from "@/components/ui/Link";

export type TabLink = { href: string; label: string; current: boolean };

/**
 * Views of one list as tabs. Links, not an ARIA tablist: each view has its own URL, to share or
 * bookmark, and the current one is announced with aria-current="page".
 */
export function Tabs({ label, items, small = false }: { label: string; items: TabLink[]; small?: boolean }) {
  return (
    <nav aria-label={label} className={small ? "tabs tabs--small" : "tabs"}>
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={item.current ? "page" : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/**
 * A navigation link that tells assistive technologies when it points to the current page. Never
 * prefetched: every page is dynamic with no loading.tsx, so a prefetch only fetches the route's
 * tree, while each one costs the server a request that competes with the page being opened (ten
 * links, twice each, in the editor's first second).
 */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const path = href.split("?")[0];
  const current = pathname === path || (path !== "/" && pathname.startsWith(`${path}/`));
  return (
    <Link href={href} aria-current={current ? "page" : undefined} prefetch={false}>
      {children}
    </Link>
  );
}

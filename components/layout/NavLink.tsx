"use client";

import { Link } from "@/components/ui/Link";
import { usePathname } from "next/navigation";

/** A navigation link that tells assistive technologies when it points to the current page. */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const path = href.split("?")[0];
  const current = pathname === path || (path !== "/" && pathname.startsWith(`${path}/`));
  return (
    <Link href={href} aria-current={current ? "page" : undefined}>
      {children}
    </Link>
  );
}

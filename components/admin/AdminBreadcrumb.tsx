import { Link } from "@/components/ui/Link";

/** "Administration › <current page>", the way back to the admin overview. */
export function AdminBreadcrumb({ current }: { current: string }) {
  return (
    <nav aria-label="Fil d'Ariane" className="admin-breadcrumb">
      <ol>
        <li>
          <Link href="/admin">Administration</Link>
        </li>
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}

import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { getDb } from "@/db/client";
import { searchUsers } from "@/db/queries/user";
import { AdminBreadcrumb } from "@/components/admin/AdminBreadcrumb";
import { AdminOnly } from "@/components/admin/AdminOnly";
import { UserDisabledForm } from "@/components/admin/UserDisabledForm";
import { UserRoleForm } from "@/components/admin/UserRoleForm";
import { canManageUsers } from "@/lib/policies/user";
import { ROLE_LABELS } from "@/lib/roles";
import { getAdminViewer } from "../access";

export const metadata: Metadata = { title: "Utilisateurs · Administration", robots: { index: false } };
export const dynamic = "force-dynamic";

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

export default async function UsersAdminPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const { q } = await searchParams;
  const query = typeof q === "string" ? q.trim().slice(0, 200) : "";
  const viewer = await getAdminViewer(query ? `/admin/utilisateurs?q=${encodeURIComponent(query)}` : "/admin/utilisateurs", canManageUsers);
  if (!viewer) return <AdminOnly />;
  const users = searchUsers(getDb(), query);
  const count = `${users.length} compte${users.length > 1 ? "s" : ""}`;

  return (
    <>
      <AdminBreadcrumb current="Utilisateurs" />
      <h1>Utilisateurs</h1>
      <p>
        Changez le rôle d&apos;un compte, ou désactivez-le : la personne ne peut plus se connecter, ses contributions
        restent. Il reste toujours au moins un administrateur actif.
      </p>
      <form role="search" aria-label="Comptes" action="/admin/utilisateurs" method="get" className="admin-search">
        <div className="field">
          <label htmlFor="recherche-compte">Rechercher par nom ou adresse électronique</label>
          <input id="recherche-compte" type="search" name="q" defaultValue={query} className="input" />
        </div>
        <div className="actions">
          <button type="submit">Rechercher</button>
          {query && <Link href="/admin/utilisateurs">Afficher tous les comptes</Link>}
        </div>
      </form>

      {users.length === 0 ? (
        <p className="alert">Aucun compte ne correspond à « {query} ».</p>
      ) : (
        <div className="table-wrap">
          <table className="admin-table">
            <caption>{query ? `Comptes correspondant à « ${query} » : ${count}` : `Tous les comptes : ${count}`}</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Adresse électronique</th>
                <th scope="col">Rôle</th>
                <th scope="col">État</th>
                <th scope="col">Créé le</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <th scope="row">
                    {u.name}
                    {u.id === viewer.id && <span className="muted"> (vous)</span>}
                  </th>
                  <td data-label="Adresse électronique">{u.email}</td>
                  <td data-label="Rôle">{ROLE_LABELS[u.role]}</td>
                  <td data-label="État">{u.disabled ? <strong className="admin-state--off">Désactivé</strong> : "Actif"}</td>
                  <td data-label="Créé le">
                    <time dateTime={u.createdAt.toISOString()}>{dateFormat.format(u.createdAt)}</time>
                  </td>
                  <td className="admin-table__actions">
                    <UserRoleForm userId={u.id} name={u.name} role={u.role} />
                    <UserDisabledForm userId={u.id} name={u.name} disabled={u.disabled} isSelf={u.id === viewer.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

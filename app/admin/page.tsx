import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { getDb } from "@/db/client";
import { listAllTerms } from "@/db/queries/taxonomy";
import { searchUsers } from "@/db/queries/user";
import { AdminOnly } from "@/components/admin/AdminOnly";
import { isAdmin } from "@/lib/policies/viewer";
import { getContentLicence } from "@/server/licence";
import { listSearchSynonyms } from "@/server/search/synonyms";
import { getAdminViewer } from "./access";

export const metadata: Metadata = { title: "Administration", robots: { index: false } };
export const dynamic = "force-dynamic";

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

export default async function AdminPage() {
  const viewer = await getAdminViewer("/admin", isAdmin);
  if (!viewer) return <AdminOnly />;
  const db = getDb();
  const users = searchUsers(db);
  const admins = users.filter((u) => u.role === "admin" && !u.disabled).length;
  const disabled = users.filter((u) => u.disabled).length;
  const terms = listAllTerms(db).length;
  const synonyms = listSearchSynonyms(db).length;

  return (
    <>
      <h1>Administration</h1>
      <ul className="cards">
        <li className="card">
          <h2>
            <Link href="/admin/utilisateurs">Utilisateurs</Link>
          </h2>
          <p>
            {plural(users.length, "compte", "comptes")}, dont {plural(admins, "administrateur actif", "administrateurs actifs")} et{" "}
            {plural(disabled, "compte désactivé", "comptes désactivés")}.
          </p>
          <p className="muted">Changer le rôle d&apos;un compte, le désactiver ou le réactiver.</p>
        </li>
        <li className="card">
          <h2>
            <Link href="/admin/taxonomies">Thèmes, publics, enjeux et objectifs</Link>
          </h2>
          <p>{plural(terms, "terme", "termes")} dans quatre listes.</p>
          <p className="muted">Renommer, décrire et classer les termes, en ajouter, supprimer ceux qui ne servent pas.</p>
        </li>
        <li className="card">
          <h2>
            <Link href="/admin/synonymes">Synonymes de la recherche</Link>
          </h2>
          <p>{plural(synonyms, "groupe", "groupes")} de synonymes.</p>
          <p className="muted">Faire trouver « démarches en ligne » à qui cherche « e-administration », et ainsi de suite.</p>
        </li>
        <li className="card">
          <h2>
            <Link href="/admin/licence">Licence du contenu</Link>
          </h2>
          <p>{getContentLicence(db).name}.</p>
          <p className="muted">Choisir la licence citée au pied de chaque page et dans chaque export.</p>
        </li>
        <li className="card">
          <h2>
            <Link href="/admin/courriels">Courriels</Link>
          </h2>
          <p className="muted">Lire les courriels envoyés ou en attente, leurs échecs et leurs nouvelles tentatives.</p>
        </li>
      </ul>
      <h2>En ligne de commande</h2>
      <p>
        Sur le serveur, <code>npm run wiki -- help</code> liste les commandes : créer un compte (
        <code>user:add</code>), changer un rôle (<code>user:role</code>), appliquer les migrations, ajouter les termes
        manquants.
      </p>
    </>
  );
}

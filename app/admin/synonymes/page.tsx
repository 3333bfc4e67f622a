import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { AdminBreadcrumb } from "@/components/admin/AdminBreadcrumb";
import { AdminOnly } from "@/components/admin/AdminOnly";
import { NewSynonymGroupForm, SynonymGroupForm } from "@/components/admin/SynonymGroupForm";
import { isAdmin } from "@/lib/policies/viewer";
import { listSearchSynonyms } from "@/server/search/synonyms";
import { getAdminViewer } from "../access";

export const metadata: Metadata = { title: "Synonymes de la recherche · Administration", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function SynonymesAdminPage() {
  const viewer = await getAdminViewer("/admin/synonymes", isAdmin);
  if (!viewer) return <AdminOnly />;
  const groups = listSearchSynonyms(getDb());
  return (
    <>
      <AdminBreadcrumb current="Synonymes de la recherche" />
      <h1>Synonymes de la recherche</h1>
      <p>
        Quand une recherche contient une expression d&apos;un groupe, elle trouve aussi les fiches et les acteurs qui
        emploient les autres : « CAF » trouve « caisse d&apos;allocations familiales ». Un changement vaut dès la
        recherche suivante.
      </p>
      <NewSynonymGroupForm />
      <h2>{groups.length > 1 ? `${groups.length} groupes` : groups.length === 1 ? "1 groupe" : "Aucun groupe"}</h2>
      <ul className="admin-terms">
        {groups.map((group) => (
          <li key={group.id} className="admin-term">
            <h3 id={`groupe-${group.id}`}>{group.expressions.join(" · ")}</h3>
            <SynonymGroupForm id={group.id} expressions={group.expressions} labelledBy={`groupe-${group.id}`} />
          </li>
        ))}
      </ul>
    </>
  );
}

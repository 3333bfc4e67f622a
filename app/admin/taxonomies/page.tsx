import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { TAXONOMIES } from "@/lib/taxonomy/values";
import { TAXONOMY_LABELS } from "@/db/taxonomies";
import { AdminBreadcrumb } from "@/components/admin/AdminBreadcrumb";
import { AdminOnly } from "@/components/admin/AdminOnly";
import { TaxonomyTermsEditor } from "@/components/admin/TaxonomyTermsEditor";
import { canEditTaxonomies } from "@/lib/policies/user";
import { describeTermUsage, listTermsWithUsage } from "@/server/taxonomy";
import { getAdminViewer } from "../access";

export const metadata: Metadata = { title: "Thèmes, publics, enjeux et objectifs · Administration", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function TaxonomiesAdminPage() {
  const viewer = await getAdminViewer("/admin/taxonomies", canEditTaxonomies);
  if (!viewer) return <AdminOnly />;
  const db = getDb();
  return (
    <>
      <AdminBreadcrumb current="Thèmes, publics, enjeux et objectifs" />
      <h1>Thèmes, publics, enjeux et objectifs</h1>
      <p>
        Ces listes classent les fiches et les acteurs. Renommer un terme ne change pas son identifiant, ni donc les liens
        qui y mènent. Un terme qui classe encore un acteur ou une fiche ne peut pas être supprimé.
      </p>
      <nav aria-label="Listes" className="admin-toc">
        <ul>
          {TAXONOMIES.map((taxonomy) => (
            <li key={taxonomy}>
              <a href={`#liste-${taxonomy}`}>{TAXONOMY_LABELS[taxonomy].plural}</a>
            </li>
          ))}
        </ul>
      </nav>
      {TAXONOMIES.map((taxonomy) => (
        <section key={taxonomy} aria-labelledby={`liste-${taxonomy}`} className="admin-taxonomy">
          <h2 id={`liste-${taxonomy}`}>{TAXONOMY_LABELS[taxonomy].plural}</h2>
          <TaxonomyTermsEditor
            taxonomy={taxonomy}
            singular={TAXONOMY_LABELS[taxonomy].singular}
            terms={listTermsWithUsage(db, taxonomy).map((term, index) => ({
              id: term.id,
              slug: term.slug,
              label: term.label,
              description: term.description,
              rank: index + 1,
              usage: describeTermUsage(term.usage),
            }))}
          />
        </section>
      ))}
    </>
  );
}

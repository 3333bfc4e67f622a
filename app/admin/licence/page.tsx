import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { getDb } from "@/db/client";
import { AdminBreadcrumb } from "@/components/admin/AdminBreadcrumb";
import { AdminOnly } from "@/components/admin/AdminOnly";
import { LicenceForm } from "@/components/admin/LicenceForm";
import { LICENCE_IDS, LICENCES } from "@/lib/licence";
import { canChooseLicence } from "@/lib/policies/licence";
import { getContentLicence } from "@/server/licence";
import { getAdminViewer } from "../access";

export const metadata: Metadata = { title: "Licence du contenu · Administration", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function LicenceAdminPage() {
  const viewer = await getAdminViewer("/admin/licence", canChooseLicence);
  if (!viewer) return <AdminOnly />;
  const current = getContentLicence(getDb());

  return (
    <>
      <AdminBreadcrumb current="Licence du contenu" />
      <h1>Licence du contenu</h1>
      <p>
        La licence dit à chacun ce qu&apos;il peut faire des fiches, de l&apos;annuaire des acteurs et des lieux : elle
        s&apos;affiche au pied de chaque page et accompagne chaque <Link href="/export">export</Link> (champ{" "}
        <code>licence</code> du JSON, colonne des CSV, en-tête des fichiers Markdown, fichier LISEZMOI de
        l&apos;archive, en-tête HTTP <code>Link</code> du CSV des lieux).
      </p>
      <p>
        Licence actuelle : <strong>{current.name}</strong>.
      </p>
      <LicenceForm current={current.id} />
      <h2>Les licences proposées</h2>
      <dl className="licence-choices">
        {LICENCE_IDS.map((id) => (
          <div key={id}>
            <dt>{LICENCES[id].name}</dt>
            <dd>
              {LICENCES[id].summary}{" "}
              <a href={LICENCES[id].url} rel="noopener noreferrer">
                Lire le texte<span className="visually-hidden"> de la licence {LICENCES[id].name}</span>
              </a>
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        Changer de licence ne change rien pour les copies déjà téléchargées : elles restent sous la licence qu&apos;elles
        citent.
      </p>
    </>
  );
}

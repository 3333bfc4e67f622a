import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { redirect } from "next/navigation";
import { LieuxImport } from "@/components/lieu/LieuxImport";
import { canImportLieux } from "@/lib/policies/lieu";
import { MAX_IMPORT_BYTES } from "@/server/importer/decode";
import { getCurrentViewer } from "@/server/session";
import { signInHref } from "@/lib/auth/return-path";

export const metadata: Metadata = { title: "Importer des lieux", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function ImportLieuxPage() {
  const viewer = await getCurrentViewer();
  if (!viewer) redirect(signInHref("/moderation/import-lieux"));
  if (!canImportLieux(viewer)) {
    return (
      <>
        <h1>Accès réservé aux modérateurs</h1>
        <div className="alert alert--error">
          <p>Seuls les modérateurs et les administrateurs du wiki importent des fichiers de lieux (erreur 403).</p>
        </div>
        <p>
          Vous voulez ajouter les lieux de votre organisation ? Ajoutez-les depuis la page de votre acteur, dans{" "}
          <Link href="/acteurs">l&apos;annuaire</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Importer des lieux</h1>
      <p>
        Un territoire peut partir de ses données ouvertes : un fichier CSV au format du{" "}
        <a href="https://schema.data.gouv.fr/LaMednum/standard-mediation-num/" rel="noopener noreferrer">
          schéma des lieux de médiation numérique
        </a>{" "}
        (celui que produit <Link href="/export">l&apos;export du wiki</Link>, data.gouv.fr ou la cartographie nationale) crée
        les acteurs et leurs lieux, ou met à jour ceux qui sont déjà dans l&apos;annuaire.
      </p>
      <ul>
        <li>
          Un acteur est reconnu à son SIRET ou à son numéro RNA (colonne <code>pivot</code>), sinon à son nom (colonne{" "}
          <code>structure_parente</code>, ou le nom du lieu) ; un acteur créé ainsi n&apos;a pas encore de membre.
        </li>
        <li>
          Un lieu est reconnu à l&apos;identifiant que lui donne l&apos;export du wiki, sinon à son acteur, son nom, son adresse
          et son code postal.
        </li>
        <li>Une ligne invalide est ignorée, avec sa raison ; les autres sont importées en une seule fois, ou pas du tout.</li>
      </ul>
      <p>Vous voyez d&apos;abord ce qui sera fait ; rien n&apos;est écrit avant votre confirmation.</p>
      <LieuxImport maxBytes={MAX_IMPORT_BYTES} />
    </>
  );
}

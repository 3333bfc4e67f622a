import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { redirect } from "next/navigation";
import { ImportWizard } from "@/components/import/ImportWizard";
import { canImportFiches } from "@/lib/policies/import";
import { MAX_IMPORT_BYTES } from "@/server/importer/decode";
import { getCurrentViewer } from "@/server/session";
import { signInHref } from "@/lib/auth/return-path";

export const metadata: Metadata = { title: "Importer des fiches", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  const viewer = await getCurrentViewer();
  if (!viewer) redirect(signInHref("/moderation/import"));
  if (!canImportFiches(viewer)) {
    return (
      <>
        <h1>Accès réservé aux modérateurs</h1>
        <div className="alert alert--error">
          <p>Seuls les modérateurs et les administrateurs du wiki importent des fiches (erreur 403).</p>
        </div>
        <p>
          Vous voulez partager les actions de votre organisation ? <Link href="/fiches/nouvelle">Créez une fiche</Link>, ou
          envoyez votre document à un modérateur.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Importer des fiches</h1>
      <p>
        L&apos;import lit le texte du <cite>Livre blanc de la Solidarité numérique de Bordeaux</cite> ou un document Markdown
        écrit avec les mêmes rubriques. Chaque pratique et chaque idée devient une fiche publiée, marquée « à vérifier »,
        qui cite sa source ; ses acteurs entrent dans l&apos;annuaire, sans doublon avec ceux qui y sont déjà, et des
        thèmes lui sont suggérés. Réimporter le même document met ses fiches à jour au lieu de les dupliquer, sans
        écraser ce que les contributeurs ont modifié depuis.
      </p>
      <p>Vous voyez d&apos;abord ce qui sera créé et ce qui est incertain ; rien n&apos;est écrit avant votre confirmation, et un import se fait entièrement ou pas du tout.</p>
      <details className="import-format">
        <summary>Le format Markdown</summary>
        <p>
          Un titre <code># Pratiques observées</code> ou <code># Idées à explorer</code> ouvre une section ; chaque titre{" "}
          <code>##</code> en dessous est une fiche. Ses rubriques commencent en début de ligne par <code>Acteurs :</code>,{" "}
          <code>Cible :</code> (ou <code>Public concerné :</code>), <code>Descriptif de l&apos;action :</code>,{" "}
          <code>Éléments spécifiques :</code> et <code>Liens :</code> ; les puces sont gardées, une adresse web devient un
          lien. Séparez les acteurs par des virgules ou « et ».
        </p>
        <pre>{`# Pratiques observées

## Café numérique du Grand Parc
Acteurs : Association Le Lien et Ville de Bordeaux
Cible : Seniors du quartier
Descriptif de l'action : Un café chaque mardi pour apprendre la tablette.
→ https://exemple.org/cafe-numerique`}</pre>
      </details>
      <ImportWizard maxBytes={MAX_IMPORT_BYTES} />
    </>
  );
}

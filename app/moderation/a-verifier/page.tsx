import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { SourceText } from "@/components/verification/SourceText";
import { VerificationProgressBar } from "@/components/verification/VerificationProgressBar";
import { VerificationReview } from "@/components/verification/VerificationReview";
import { displayTitre } from "@/lib/fiche/labels";
import { canModerate } from "@/lib/policies/moderation";
import { z } from "@/lib/schemas/zod";
import { getCurrentViewer } from "@/server/session";
import { getImportedFicheTitre, getNextFicheToVerify, getVerificationFiche, getVerificationProgress } from "@/server/verification";
import styles from "@/components/verification/verification.module.css";
import { signInHref } from "@/lib/auth/return-path";

export const metadata: Metadata = { title: "Fiches à vérifier", robots: { index: false } };
export const dynamic = "force-dynamic";

const PATH = "/moderation/a-verifier";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Lenient: a value that makes no sense is dropped, so a hand-edited link still opens the queue.
const optionalId = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.coerce.number().int().positive().max(2 ** 31).optional().catch(undefined));
const paramsSchema = z.object({ fiche: optionalId, apres: optionalId, verifiee: optionalId, passee: optionalId });

export default async function VerificationPage({ searchParams }: Props) {
  const viewer = await getCurrentViewer();
  if (!viewer) redirect(signInHref(PATH));
  if (!canModerate(viewer)) {
    return (
      <>
        <h1>Accès réservé aux modérateurs</h1>
        <div className="alert alert--error">
          <p>Seuls les modérateurs et les administrateurs du wiki vérifient les fiches importées (erreur 403).</p>
        </div>
        <p>
          Une erreur sur une fiche ? Ouvrez-la et utilisez « Signaler un problème » en bas de page. <Link href="/">Revenir à l&apos;accueil</Link>
        </p>
      </>
    );
  }
  const params = paramsSchema.parse(await searchParams);
  const db = getDb();
  if (params.fiche === undefined) {
    const next = getNextFicheToVerify(db, viewer, params.apres);
    if (next !== null) {
      const carried = params.verifiee ? `&verifiee=${params.verifiee}` : params.passee ? `&passee=${params.passee}` : "";
      redirect(`${PATH}?fiche=${next}${carried}`);
    }
  }
  const progress = getVerificationProgress(db, viewer);
  const fiche = params.fiche === undefined ? null : getVerificationFiche(db, viewer, params.fiche);
  const previousId = params.verifiee ?? params.passee;
  const previousTitre = previousId === undefined ? null : getImportedFicheTitre(db, viewer, previousId);
  const outcome =
    previousTitre === null ? null : params.verifiee ? `Fiche « ${displayTitre(previousTitre)} » vérifiée.` : `Fiche « ${displayTitre(previousTitre)} » passée : elle reste à vérifier.`;

  return (
    <>
      <p className={styles.breadcrumb}>
        <Link href="/moderation">Modération</Link>
      </p>
      <h1>Fiches à vérifier</h1>
      <p>
        Les fiches importées sont publiées et marquées « à vérifier ». Comparez chacune au texte dont elle vient, confirmez ou corrigez
        ce que l&apos;import en a lu : quand tout est confirmé, la fiche n&apos;est plus « à vérifier » et la suivante s&apos;affiche.
      </p>
      <VerificationProgressBar verified={progress.verified} total={progress.total} />
      {outcome && (
        <div role="status" className="alert alert--success">
          {outcome}
        </div>
      )}
      {params.fiche === undefined ? (
        <p className="alert alert--success">
          {progress.total === 0 ? "Aucune fiche importée pour l'instant." : "Toutes les fiches importées sont vérifiées. Merci !"}{" "}
          <Link href="/moderation">Revenir à la modération</Link>
        </p>
      ) : fiche === null ? (
        <div className="alert alert--error">
          <p>
            Cette fiche n&apos;existe pas ou ne vient pas d&apos;un import. <Link href={PATH}>Reprendre la file</Link>
          </p>
        </div>
      ) : (
        <VerificationReview key={fiche.id} fiche={fiche} arrived={previousId !== undefined}>
          <SourceText source={fiche.source} imported={fiche.imported} />
        </VerificationReview>
      )}
    </>
  );
}

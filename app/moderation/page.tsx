import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { countOpenSignalements, listHiddenFiches, listOpenSignalements, listResolvedSignalements } from "@/db/queries/signalement";
import { FicheModerationActions } from "@/components/moderation/ModerationActions";
import { SignalementList } from "@/components/moderation/SignalementList";
import { Tabs } from "@/components/ui/Tabs";
import { ActeurClaimList } from "@/components/moderation/ActeurClaimList";
import { CommentModerationSection } from "@/components/comment/CommentModerationList";
import { getCommentModerationQueue } from "@/server/comment-moderation";
import { listOpenActeurClaims } from "@/server/acteur-claim";
import { canModerate } from "@/lib/policies/moderation";
import { getCurrentViewer } from "@/server/session";
import { formatModerationDate } from "@/components/moderation/format";
import { displayTitre, FICHE_STATUT_LABELS } from "@/lib/fiche/labels";
import { MODERATION_OUTCOMES, MODERATION_VIEWS, type ModerationOutcome, type ModerationView } from "./views";
import { signInHref } from "@/lib/auth/return-path";

export const metadata: Metadata = { title: "Modération", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const TAB_LABELS: Record<ModerationView, string> = {
  ouverts: "Signalements à traiter",
  resolus: "Signalements résolus",
  masquees: "Fiches masquées",
};

export default async function ModerationPage({ searchParams }: Props) {
  const viewer = await getCurrentViewer();
  if (!viewer) redirect(signInHref("/moderation"));
  if (!canModerate(viewer)) {
    return (
      <>
        <h1>Accès réservé aux modérateurs</h1>
        <div className="alert alert--error">
          <p>Seuls les modérateurs et les administrateurs du wiki traitent les signalements (erreur 403).</p>
        </div>
        <p>
          Un problème sur une fiche ? Ouvrez-la et utilisez « Signaler un problème » en bas de page. <Link href="/">Revenir à l&apos;accueil</Link>
        </p>
      </>
    );
  }
  const query = await searchParams;
  const view: ModerationView = (MODERATION_VIEWS as readonly unknown[]).includes(query.vue) ? (query.vue as ModerationView) : "ouverts";
  const outcome = typeof query.fait === "string" && query.fait in MODERATION_OUTCOMES ? MODERATION_OUTCOMES[query.fait as ModerationOutcome] : null;
  const db = getDb();
  const open = countOpenSignalements(db);
  const claims = listOpenActeurClaims(db, viewer);

  return (
    <>
      <h1>Modération</h1>
      {outcome && (
        <div role="status" className="alert alert--success">
          {outcome}
        </div>
      )}
      <p>
        Les signalements des lecteurs arrivent ici, du plus ancien au plus récent. Corrigez la fiche, masquez-la, archivez-la ou
        fusionnez-la avec la fiche qu&apos;elle double, puis marquez le signalement comme résolu.
      </p>
      <p>
        Autres outils : <Link href="/moderation/import">importer des fiches</Link>,{" "}
        <Link href="/moderation/a-verifier">vérifier les fiches importées (« À vérifier »)</Link>.
      </p>
      <section aria-labelledby="titre-demandes-gestion">
        <h2 id="titre-demandes-gestion">Demandes de gestion d&apos;acteurs ({claims.length})</h2>
        <p className="hint">
          Des personnes demandent à gérer un acteur qui n&apos;a pas encore de membre. Vérifiez leur lien avec l&apos;organisation (site web,
          adresse électronique, téléphone de l&apos;acteur) avant d&apos;accepter : elles pourront modifier sa page.
        </p>
        <ActeurClaimList items={claims} />
      </section>
      <CommentModerationSection queue={getCommentModerationQueue(db)} />

      <Tabs
        label="Vues de la modération"
        items={MODERATION_VIEWS.map((v) => ({ href: `/moderation?vue=${v}`, label: `${TAB_LABELS[v]}${v === "ouverts" ? ` (${open})` : ""}`, current: v === view }))}
      />

      <h2>{TAB_LABELS[view]}</h2>
      {view === "ouverts" && <SignalementList items={listOpenSignalements(db)} view={view} empty="Aucun signalement n'attend : la file est vide." />}
      {view === "resolus" && <SignalementList items={listResolvedSignalements(db)} view={view} empty="Aucun signalement n'a encore été résolu." />}
      {view === "masquees" && <HiddenFiches />}
    </>
  );
}

function HiddenFiches() {
  const fiches = listHiddenFiches(getDb());
  if (fiches.length === 0) return <p className="muted">Aucune fiche n&apos;est masquée.</p>;
  return (
    <ul className="moderation-list">
      {fiches.map((f) => (
        <li key={f.id} className="card moderation-item">
          <h3 className="moderation-item__titre">
            <Link href={`/fiches/${f.slug}`}>{displayTitre(f.titre)}</Link>
          </h3>
          <p className="muted">
            {FICHE_STATUT_LABELS[f.statut]}, masquée — dernière modification le {formatModerationDate(f.updatedAt)}
          </p>
          <FicheModerationActions fiche={f} view="masquees" />
        </li>
      ))}
    </ul>
  );
}

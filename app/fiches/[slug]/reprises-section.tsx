import { Link } from "@/components/ui/Link";
import { getDb } from "@/db/client";
import type { FicheDetail } from "@/db/queries/fiche";
import { listKnownCommunes, listRepriseActeurChoices, listReprisesOfFiche } from "@/db/queries/reprise";
import { RepriseForm } from "@/components/reprise/RepriseForm";
import { RepriseList } from "@/components/reprise/RepriseList";
import { signInHref } from "@/lib/auth/return-path";
import { canDeclareReprise, canWithdrawReprise, isRepriseOpen } from "@/lib/policies/reprise";
import { isModerator, type Viewer } from "@/lib/policies/viewer";
import { currentMonth } from "@/lib/reprise/schema";
import { countCommunes, repriseCommunesLabel } from "@/lib/reprise/values";

type Props = { fiche: FicheDetail; viewer: Viewer | null; withdrawn: boolean };

/**
 * « Ils l'ont reprise »: the acteurs that took up this pratique, and the way for a member to say
 * theirs did. Shown on pratiques and fiches pratiques only (see lib/reprise/values).
 */
export function FicheReprisesSection({ fiche, viewer, withdrawn }: Props) {
  const db = getDb();
  const reprises = listReprisesOfFiche(db, fiche.id);
  const open = isRepriseOpen(fiche);
  if (!open && reprises.length === 0) return null;
  const choices = viewer && open ? listRepriseActeurChoices(db, isModerator(viewer) ? "all" : viewer.acteurIds).filter((a) => canDeclareReprise(viewer, a.id, fiche)) : [];
  const communes = countCommunes(reprises.map((r) => r.commune));
  return (
    <section aria-labelledby="fiche-reprises" id="reprises">
      <h2 id="fiche-reprises">Ils l&apos;ont reprise</h2>
      {withdrawn && (
        <p role="status" className="alert alert--success">
          La reprise a été retirée.
        </p>
      )}
      {communes > 0 && <p>{repriseCommunesLabel(communes)}.</p>}
      <RepriseList reprises={reprises} ficheId={fiche.id} slug={fiche.slug} withdrawable={(acteurId) => canWithdrawReprise(viewer, acteurId)} />
      {open && !viewer && (
        <p>
          Votre structure mène aussi cette pratique ?{" "}
          <Link href={signInHref(`/fiches/${fiche.slug}#reprises`)}>Connectez-vous pour déclarer que vous l&apos;avez reprise</Link>.
        </p>
      )}
      {open && viewer && choices.length === 0 && (
        <p className="muted">
          Pour déclarer une reprise, votre compte doit être membre de l&apos;acteur qui l&apos;a reprise : demandez-le depuis sa page dans{" "}
          <Link href="/acteurs">l&apos;annuaire des acteurs</Link>.
        </p>
      )}
      {choices.length > 0 && (
        <RepriseForm
          ficheId={fiche.id}
          choices={choices.map((a) => {
            const declared = reprises.find((r) => r.acteurId === a.id);
            return declared ? { ...a, declared: { commune: declared.commune, depuis: declared.depuis, changements: declared.changements } } : a;
          })}
          communes={listKnownCommunes(db)}
          maxMonth={currentMonth()}
        />
      )}
    </section>
  );
}

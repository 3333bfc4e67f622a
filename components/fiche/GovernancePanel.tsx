"use client";

import { useActionState } from "react";
import { changeFicheAVerifier, changeFicheStatut, changeFicheVerrouillee } from "@/app/fiches/[slug]/modifier/actions";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import type { FicheStatut } from "@/lib/fiche/values";
import { FICHE_STATUT_LABELS } from "@/lib/fiche/labels";

const STATUT_ACTIONS: Record<FicheStatut, string> = {
  publiee: "Publier la fiche",
  archivee: "Archiver la fiche",
  brouillon: "Repasser en brouillon",
};

type Props = { ficheId: number; statut: FicheStatut; nextStatuts: FicheStatut[]; verrouillee: boolean; aVerifier: boolean; canManage: boolean };

/**
 * The statut of the fiche and, for those canManageFiche allows, publishing, archiving, locking and
 * the "à vérifier" flag. Rendered for every reader of the editor page, so that the outcome of an
 * action stays announced when the action itself took away the right to manage (a published draft).
 */
export function GovernancePanel({ ficheId, statut, nextStatuts, verrouillee, aVerifier, canManage }: Props) {
  const [statutState, statutAction] = useActionState(changeFicheStatut, null);
  const [lockState, lockAction] = useActionState(changeFicheVerrouillee, null);
  const [checkState, checkAction] = useActionState(changeFicheAVerifier, null);
  const withFieldErrors = (state: typeof statutState) => (state && !state.ok ? { ...state, message: [state.message, ...Object.values(state.fieldErrors ?? {}).flat()].join(" ") } : state);

  return (
    <section className="governance" aria-labelledby="gouvernance-titre">
      <h2 id="gouvernance-titre">{canManage ? "Publication et protection" : "Statut de la fiche"}</h2>
      <p>
        Statut : <strong>{FICHE_STATUT_LABELS[statut]}</strong>
        {verrouillee && " · verrouillée"}
        {aVerifier && " · à vérifier"}
      </p>
      <FormMessage state={withFieldErrors(statutState)} />
      <FormMessage state={withFieldErrors(lockState)} />
      <FormMessage state={withFieldErrors(checkState)} />
      {canManage && (
        <>
          <div className="actions">
            {nextStatuts.map((next) => (
              <form key={next} action={statutAction}>
                <input type="hidden" name="ficheId" value={ficheId} />
                <input type="hidden" name="statut" value={next} />
                <SubmitButton className={next === "archivee" ? "button--danger" : undefined}>
                  {statut === "archivee" && next === "publiee" ? "Republier la fiche" : STATUT_ACTIONS[next]}
                </SubmitButton>
              </form>
            ))}
            <form action={lockAction}>
              <input type="hidden" name="ficheId" value={ficheId} />
              <input type="hidden" name="value" value={verrouillee ? "false" : "true"} />
              <SubmitButton className="button--secondary">{verrouillee ? "Déverrouiller la fiche" : "Verrouiller la fiche"}</SubmitButton>
            </form>
            <form action={checkAction}>
              <input type="hidden" name="ficheId" value={ficheId} />
              <input type="hidden" name="value" value={aVerifier ? "false" : "true"} />
              <SubmitButton className="button--secondary">{aVerifier ? "Retirer « à vérifier »" : "Signaler « à vérifier »"}</SubmitButton>
            </form>
          </div>
          <p className="hint">Une fiche verrouillée ne peut être modifiée que par les membres de ses acteurs porteurs et par les modérateurs.</p>
        </>
      )}
    </section>
  );
}

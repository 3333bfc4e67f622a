"use client";

import { useActionState, useId } from "react";
import { archiveFicheAction, hideFicheAction, mergeFichesAction, resolveSignalementAction, unhideFicheAction } from "@/app/moderation/actions";
import type { ModerationView } from "@/app/moderation/views";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import { FicheCombobox } from "@/components/fiche/FicheCombobox";
import type { ReportedFiche } from "@/db/queries/signalement";
import type { ActionResult } from "@/lib/action-result";
import { RESOLUTION_MAX } from "@/lib/schemas/moderation";

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

/** A refusal with its field errors in one sentence, for the small forms of this page. */
function refusal(state: ActionResult | null): ActionResult | null {
  if (!state || state.ok) return null;
  return { ...state, message: [state.message, ...Object.values(state.fieldErrors ?? {}).flat()].join(" ") };
}

function FicheButton({ action, ficheId, view, label, danger }: { action: Action; ficheId: number; view: ModerationView; label: string; danger?: boolean }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="moderation-action">
      <input type="hidden" name="ficheId" value={ficheId} />
      <input type="hidden" name="vue" value={view} />
      <SubmitButton className={danger ? "button--danger" : "button--secondary"} pendingLabel="En cours…">
        {label}
      </SubmitButton>
      <FormMessage state={refusal(state)} />
    </form>
  );
}

/** Hide or show again, archive, merge: what a moderator may do to the fiche of a report. */
export function FicheModerationActions({ fiche, view }: { fiche: ReportedFiche; view: ModerationView }) {
  const id = useId();
  const [mergeState, mergeAction] = useActionState(mergeFichesAction, null);
  const merged = fiche.redirectToId !== null;
  return (
    <div className="actions moderation-actions">
      {fiche.masquee ? (
        <FicheButton action={unhideFicheAction} ficheId={fiche.id} view={view} label="Rendre visible" />
      ) : (
        <FicheButton action={hideFicheAction} ficheId={fiche.id} view={view} label="Masquer la fiche" danger />
      )}
      {fiche.statut === "publiee" && !merged && <FicheButton action={archiveFicheAction} ficheId={fiche.id} view={view} label="Archiver la fiche" danger />}
      {!merged && (
        <details className="moderation-merge">
          <summary>Fusionner avec…</summary>
          <form action={mergeAction} className="form" aria-labelledby={`${id}-merge`}>
            <p id={`${id}-merge`} className="hint">
              Cette fiche sera archivée et son adresse mènera à la fiche choisie, qui reste.
            </p>
            <input type="hidden" name="sourceId" value={fiche.id} />
            <input type="hidden" name="vue" value={view} />
            <FicheCombobox name="targetId" label="Fiche qui remplace celle-ci" hint="Tapez une partie de son titre, puis choisissez-la." excludeIds={[fiche.id]} />
            <FormMessage state={refusal(mergeState)} />
            <div>
              <SubmitButton pendingLabel="Fusion…">Fusionner</SubmitButton>
            </div>
          </form>
        </details>
      )}
    </div>
  );
}

/** "Marquer comme résolu", with an optional note saying what was done. */
export function ResolveForm({ signalementId, view }: { signalementId: number; view: ModerationView }) {
  const id = useId();
  const [state, formAction] = useActionState(resolveSignalementAction, null);
  return (
    <form action={formAction} className="moderation-resolve">
      <input type="hidden" name="signalementId" value={signalementId} />
      <input type="hidden" name="vue" value={view} />
      <label htmlFor={`${id}-note`}>Note de résolution (facultatif)</label>
      <textarea id={`${id}-note`} name="resolution" rows={2} maxLength={RESOLUTION_MAX} aria-describedby={`${id}-hint`} />
      <p id={`${id}-hint`} className="hint">
        Ce qui a été fait, pour les autres modérateurs. {RESOLUTION_MAX} caractères au maximum.
      </p>
      <FormMessage state={refusal(state)} />
      <div>
        <SubmitButton pendingLabel="En cours…">Marquer comme résolu</SubmitButton>
      </div>
    </form>
  );
}

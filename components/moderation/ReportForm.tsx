"use client";

import { useActionState, useState } from "react";
import { reportFicheAction } from "@/app/fiches/[slug]/signalement-actions";
import { ErrorSummary } from "@/components/form/ErrorSummary";
import { TextArea } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import { FicheCombobox } from "@/components/fiche/FicheCombobox";
import { SIGNALEMENT_MOTIFS } from "@/lib/signalement/values";
import { textValue } from "@/lib/form-state";
import { SIGNALEMENT_COMMENTAIRE_MAX, SIGNALEMENT_MOTIF_LABELS } from "@/lib/schemas/moderation";

const LABELS = { motif: "Nature du problème", commentaire: "Commentaire", autreFicheId: "Autre fiche" };

/**
 * "Signaler un problème": a disclosure holding the report form of a fiche, for signed-in readers.
 * A refused report keeps what was typed; a sent one says so and empties the form.
 */
export function ReportForm({ ficheId }: { ficheId: number }) {
  const [state, action] = useActionState(reportFicheAction, null);
  const values = state && !state.ok ? state.values : {};
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const [motif, setMotif] = useState(textValue(values, "motif"));
  const motifErrors = errors?.motif;

  return (
    <details className="report" open={state !== null || undefined}>
      <summary>Signaler un problème</summary>
      <p className="hint">Votre signalement est lu par les modérateurs du wiki, qui corrigent, archivent ou masquent la fiche si besoin.</p>
      <FormMessage state={state?.ok ? state : null} />
      <form key={state?.submission ?? 0} action={action} className="form" noValidate>
        <ErrorSummary state={state} labels={LABELS} targets={{ motif: "champ-motif-0", autreFicheId: "champ-autre-fiche" }} />
        <input type="hidden" name="ficheId" value={ficheId} />
        <fieldset className="field" aria-describedby={motifErrors?.length ? "champ-motif-error" : undefined}>
          <legend>Quel est le problème ? (obligatoire)</legend>
          <ul className="plain-list report__motifs">
            {SIGNALEMENT_MOTIFS.map((value, i) => (
              <li key={value}>
                <label>
                  <input
                    type="radio"
                    id={`champ-motif-${i}`}
                    name="motif"
                    value={value}
                    defaultChecked={textValue(values, "motif") === value}
                    onChange={() => setMotif(value)}
                    aria-invalid={motifErrors?.length ? true : undefined}
                  />{" "}
                  {SIGNALEMENT_MOTIF_LABELS[value]}
                </label>
              </li>
            ))}
          </ul>
          {motifErrors?.length ? (
            <p id="champ-motif-error" className="field-error">
              {motifErrors.join(" ")}
            </p>
          ) : null}
        </fieldset>
        {motif === "doublon" && (
          <FicheCombobox
            name="autreFicheId"
            inputId="champ-autre-fiche"
            label="Fiche en double (facultatif)"
            hint="Tapez une partie de son titre, puis choisissez-la dans la liste."
            excludeIds={[ficheId]}
            errors={errors?.autreFicheId}
          />
        )}
        <TextArea
          name="commentaire"
          label="Commentaire (facultatif)"
          hint={`Ce qui ne va pas, et si possible la bonne information. ${SIGNALEMENT_COMMENTAIRE_MAX} caractères au maximum.`}
          errors={errors}
          defaultValue={textValue(values, "commentaire")}
          rows={4}
        />
        <div>
          <SubmitButton pendingLabel="Envoi…">Envoyer le signalement</SubmitButton>
        </div>
      </form>
    </details>
  );
}

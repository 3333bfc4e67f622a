"use client";

import { useActionState } from "react";
import { createFicheAction } from "@/app/fiches/nouvelle/actions";
import { TextField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import { FICHE_TYPES, type FicheType } from "@/lib/fiche/values";
import { FICHE_TYPE_LABELS } from "@/lib/fiche/labels";
import { FICHE_TITRE_MAX } from "@/lib/schemas/fiche";
import { submittedOr } from "@/lib/action-result";

/** Choosing the type and the title of a new fiche; the rest is written in the live editor. */
export function NewFicheForm({ defaultType }: { defaultType?: FicheType }) {
  const [state, action] = useActionState(createFicheAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const typeErrors = errors?.type;
  const checkedType = submittedOr(state, "type", defaultType ?? "pratique");
  return (
    <form className="form" action={action} noValidate>
      <FormMessage state={state} />
      <fieldset className="field" aria-describedby={typeErrors?.length ? "champ-type-error" : undefined}>
        <legend>Type de fiche (obligatoire)</legend>
        <ul className="radio-cards">
          {FICHE_TYPES.map((type) => (
            <li key={type}>
              <input
                type="radio"
                name="type"
                id={`type-${type}`}
                value={type}
                defaultChecked={type === checkedType}
                aria-describedby={`type-${type}-description`}
              />
              <div className="radio-cards__text">
                <label htmlFor={`type-${type}`}>{FICHE_TYPE_LABELS[type].singular}</label>
                <span id={`type-${type}-description`}>{FICHE_TYPE_LABELS[type].description}</span>
              </div>
            </li>
          ))}
        </ul>
        {typeErrors?.length ? (
          <p id="champ-type-error" className="field-error">
            {typeErrors.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <TextField
        name="titre"
        label="Titre"
        required
        errors={errors}
        defaultValue={submittedOr(state, "titre", "")}
        hint={`Un titre court qui dit de quoi il s'agit, ${FICHE_TITRE_MAX} caractères au plus. Il pourra être modifié.`}
      />
      <div className="actions">
        <SubmitButton pendingLabel="Création…">Créer la fiche</SubmitButton>
      </div>
    </form>
  );
}

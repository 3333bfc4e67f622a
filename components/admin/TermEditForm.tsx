"use client";

import { useActionState, useRef } from "react";
import { updateTaxonomyTerm } from "@/app/admin/taxonomies/actions";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import { submittedOr } from "@/lib/action-result";
import { TERM_DESCRIPTION_MAX, TERM_LABEL_MAX } from "@/lib/schemas/taxonomy";
import { TextArea, TextField } from "@/components/ui/Field";
import type { EditableTerm } from "./TaxonomyTermsEditor";
import { useKeepFocus } from "./useKeepFocus";

/** Label, description and position of one term. */
export function TermEditForm({ term, count, labelledBy }: { term: EditableTerm; count: number; labelledBy: string }) {
  const [state, action] = useActionState(updateTaxonomyTerm, null);
  const form = useRef<HTMLFormElement>(null);
  useKeepFocus(form, state);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const id = `terme-${term.id}`;
  return (
    <form ref={form} action={action} aria-labelledby={labelledBy} className="form admin-term__form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="termId" value={term.id} />
      <TextField
        id={`${id}-libelle`}
        name="label"
        label="Libellé"
        required
        maxLength={TERM_LABEL_MAX}
        errors={errors}
        defaultValue={submittedOr(state, "label", term.label)}
      />
      <TextArea
        id={`${id}-description`}
        name="description"
        rows={2}
        label="Description"
        maxLength={TERM_DESCRIPTION_MAX}
        errors={errors}
        defaultValue={submittedOr(state, "description", term.description)}
      />
      <TextField
        id={`${id}-position`}
        name="rank"
        label="Position"
        type="number"
        inputMode="numeric"
        min={1}
        required
        hint={`De 1 (en premier) à ${count} ; les autres termes se décalent.`}
        errors={errors}
        defaultValue={submittedOr(state, "rank", String(term.rank))}
      />
      <div className="actions">
        <SubmitButton>
          Enregistrer<span className="visually-hidden"> le terme {term.label}</span>
        </SubmitButton>
      </div>
    </form>
  );
}

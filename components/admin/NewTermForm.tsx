"use client";

import { useActionState, useRef } from "react";
import { createTaxonomyTerm } from "@/app/admin/taxonomies/actions";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import type { Taxonomy } from "@/lib/taxonomy/values";
import { submittedOr } from "@/lib/action-result";
import { TERM_DESCRIPTION_MAX, TERM_LABEL_MAX } from "@/lib/schemas/taxonomy";
import { TextArea, TextField } from "@/components/ui/Field";
import { useKeepFocus } from "./useKeepFocus";

/** Adds a term to one taxonomy; the form empties itself once the term is saved. */
export function NewTermForm({ taxonomy, singular, count }: { taxonomy: Taxonomy; singular: string; count: number }) {
  const [state, action] = useActionState(createTaxonomyTerm, null);
  const form = useRef<HTMLFormElement>(null);
  useKeepFocus(form, state);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const id = `nouveau-${taxonomy}`;
  const title = `Ajouter un ${singular.toLowerCase()}`;
  return (
    <form ref={form} action={action} aria-labelledby={`${id}-titre`} className="form admin-term admin-term__form admin-term--new" noValidate>
      <h3 id={`${id}-titre`}>{title}</h3>
      <FormMessage state={state} />
      <input type="hidden" name="taxonomy" value={taxonomy} />
      <TextField id={`${id}-libelle`} name="label" label="Libellé" required maxLength={TERM_LABEL_MAX} errors={errors} defaultValue={submittedOr(state, "label", "")} />
      <TextArea
        id={`${id}-description`}
        name="description"
        rows={2}
        label="Description"
        maxLength={TERM_DESCRIPTION_MAX}
        errors={errors}
        defaultValue={submittedOr(state, "description", "")}
      />
      <TextField
        id={`${id}-position`}
        name="rank"
        label="Position"
        type="number"
        inputMode="numeric"
        min={1}
        hint={`Laissez vide pour l'ajouter à la fin (position ${count + 1}).`}
        errors={errors}
        defaultValue={submittedOr(state, "rank", "")}
      />
      <div className="actions">
        <SubmitButton>
          Ajouter<span className="visually-hidden"> un {singular.toLowerCase()}</span>
        </SubmitButton>
      </div>
    </form>
  );
}

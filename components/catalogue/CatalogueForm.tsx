"use client";

import { useActionState, useEffect } from "react";
import { ErrorSummary } from "@/components/form/ErrorSummary";
import { TextArea, TextField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import { textValue, type FormState, type FormValues } from "@/lib/form-state";

type Action = (previous: FormState<unknown> | null, form: FormData) => Promise<FormState<unknown>>;

const CATALOGUE_FIELD_LABELS: Record<string, string> = {
  titre: "Titre du catalogue",
  description: "Description",
  publicVise: "Public visé",
  objectifs: "Objectifs",
  duree: "Durée de la formation",
};

/**
 * The catalogue's presentation, for creation and edition; a refused form keeps what was typed. With
 * `rename` (a copy just made), the title field takes the focus, selected, and its hint asks for a title of one's own.
 */
export function CatalogueForm({ action, initial, submitLabel, rename = false }: { action: Action; initial: FormValues; submitLabel: string; rename?: boolean }) {
  const [state, formAction] = useActionState(action, null);
  useEffect(() => {
    if (!rename) return;
    const field = document.getElementById("champ-titre");
    if (field instanceof HTMLInputElement) {
      field.focus();
      field.select();
    }
  }, [rename]);
  const values = state && !state.ok ? state.values : initial;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const L = CATALOGUE_FIELD_LABELS;
  return (
    <form key={state?.submission ?? 0} className="form" action={formAction} noValidate>
      <ErrorSummary state={state} labels={L} />
      <FormMessage state={state?.ok ? state : null} />
      <TextField
        name="titre"
        label={L.titre}
        required
        errors={errors}
        defaultValue={textValue(values, "titre")}
        hint={
          rename && state === null
            ? "Ce titre est provisoire : renommez votre copie, puis enregistrez la présentation."
            : "Par exemple « Former les bénévoles à l'accompagnement numérique »."
        }
      />
      <TextArea name="description" label={L.description} errors={errors} defaultValue={textValue(values, "description")} rows={5} hint="Ce que propose la formation, dans quel cadre." />
      <TextField name="publicVise" label={L.publicVise} errors={errors} defaultValue={textValue(values, "publicVise")} hint="Par exemple « Bénévoles d'accueil des centres sociaux »." />
      <TextArea name="objectifs" label={L.objectifs} errors={errors} defaultValue={textValue(values, "objectifs")} rows={4} hint="Ce que les participants sauront faire à la fin." />
      <TextField name="duree" label={L.duree} errors={errors} defaultValue={textValue(values, "duree")} hint="Par exemple « 2 jours » ou « 3 séances de 2 h »." />
      <div className="actions">
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}

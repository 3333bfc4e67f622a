"use client";

import { useActionState } from "react";
import { CheckboxGroup, SelectField, TextArea, TextField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { ErrorSummary } from "@/components/form/ErrorSummary";
import { SubmitButton } from "@/components/form/SubmitButton";
import { ACTEUR_CATEGORIE_OPTIONS, ACTEUR_TYPOLOGIE_OPTIONS } from "@/lib/acteur/labels";
import { listValue, textValue, type FormState, type FormValues } from "@/lib/form-state";

type Action = (previous: FormState<unknown> | null, form: FormData) => Promise<FormState<unknown>>;

const ACTEUR_FIELD_LABELS: Record<string, string> = {
  nom: "Nom de l'organisation",
  categorie: "Catégorie",
  typologie: "Type d'organisation",
  description: "Présentation",
  themes: "Thèmes d'action",
  siteWeb: "Site web",
  courriel: "Adresse électronique de contact",
  telephone: "Téléphone",
  siret: "Numéro SIRET",
  rna: "Numéro RNA",
};

/** The acteur's profile form, for creation and edition; a refused form keeps what was typed. */
export function ActeurForm({
  action,
  initial,
  themes,
  submitLabel,
}: {
  action: Action;
  initial: FormValues;
  themes: { value: string; label: string }[];
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, null);
  const values = state && !state.ok ? state.values : initial;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const L = ACTEUR_FIELD_LABELS;
  return (
    <form key={state?.submission ?? 0} className="form" action={formAction} noValidate>
      <ErrorSummary state={state} labels={L} targets={{ themes: "champ-themes-0" }} />
      <FormMessage state={state?.ok ? state : null} />
      <TextField name="nom" label={L.nom} required errors={errors} defaultValue={textValue(values, "nom")} autoComplete="organization" />
      <SelectField
        name="categorie"
        label={L.categorie}
        required
        errors={errors}
        options={ACTEUR_CATEGORIE_OPTIONS}
        emptyLabel="Choisir une catégorie"
        defaultValue={textValue(values, "categorie")}
        hint="Les trois familles d'acteurs du Livre blanc de la Solidarité numérique."
      />
      <SelectField
        name="typologie"
        label={L.typologie}
        required
        errors={errors}
        options={ACTEUR_TYPOLOGIE_OPTIONS}
        emptyLabel="Choisir un type"
        defaultValue={textValue(values, "typologie")}
      />
      <TextArea
        name="description"
        label={L.description}
        errors={errors}
        defaultValue={textValue(values, "description")}
        hint="Ce que fait votre organisation pour la Solidarité numérique, pour qui, et comment la joindre."
        rows={6}
      />
      <CheckboxGroup name="themes" legend={L.themes} errors={errors} options={themes} defaultValues={listValue(values, "themes")} />
      <fieldset className="field">
        <legend>Coordonnées</legend>
        <div className="form">
          <TextField name="siteWeb" label={L.siteWeb} type="url" errors={errors} defaultValue={textValue(values, "siteWeb")} hint="Par exemple https://www.exemple.fr" autoComplete="url" />
          <TextField name="courriel" label={L.courriel} type="email" errors={errors} defaultValue={textValue(values, "courriel")} autoComplete="email" />
          <TextField name="telephone" label={L.telephone} type="tel" errors={errors} defaultValue={textValue(values, "telephone")} hint="Par exemple 05 56 12 34 56" autoComplete="tel" />
        </div>
      </fieldset>
      <fieldset className="field">
        <legend>Identifiants officiels (facultatifs)</legend>
        <div className="form">
          <TextField name="siret" label={L.siret} errors={errors} defaultValue={textValue(values, "siret")} inputMode="numeric" hint="14 chiffres, espaces permis, par exemple 732 829 320 00074." />
          <TextField name="rna" label={L.rna} errors={errors} defaultValue={textValue(values, "rna")} hint="Pour une association : W suivi de 9 chiffres, par exemple W332012345." />
        </div>
      </fieldset>
      <div className="actions">
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}

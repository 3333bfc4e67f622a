"use client";

import { useActionState } from "react";
import { CheckboxGroup, TextArea, TextField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { ErrorSummary } from "@/components/form/ErrorSummary";
import { SubmitButton } from "@/components/form/SubmitButton";
import { listValue, textValue, type FormState, type FormValues } from "@/lib/form-state";
import { LIEU_LIST_FIELDS, LIEU_LIST_FIELD_NAMES } from "@/lib/lieu/labels";
import { CoordinatesPicker } from "./CoordinatesPicker";
import { HorairesField } from "./HorairesField";

type Action = (previous: FormState<unknown> | null, form: FormData) => Promise<FormState<unknown>>;

const LABELS: Record<string, string> = {
  nom: "Nom du lieu",
  adresse: "Numéro et voie",
  complementAdresse: "Complément d'adresse",
  codePostal: "Code postal",
  commune: "Commune",
  codeInsee: "Code INSEE",
  latitude: "Latitude",
  longitude: "Longitude",
  telephone: "Téléphone",
  courriels: "Courriels",
  siteWeb: "Sites web",
  horaires: "Horaires d'ouverture",
  presentationResume: "Résumé",
  presentationDetail: "Présentation détaillée",
  ...Object.fromEntries(LIEU_LIST_FIELD_NAMES.map((name) => [name, LIEU_LIST_FIELDS[name].legend])),
};

const TARGETS = Object.fromEntries(LIEU_LIST_FIELD_NAMES.map((name) => [name, `champ-${name}-0`]));

const HINTS: Partial<Record<string, string>> = {
  services: "Au moins un. Les intitulés sont ceux du schéma national des lieux de médiation numérique.",
  itinerance: "Itinérant : le lieu se déplace (bus, permanences dans plusieurs communes).",
};

/** A lieu's form, with the fields and the lists of the national schema. */
export function LieuForm({ action, initial, submitLabel }: { action: Action; initial: FormValues; submitLabel: string }) {
  const [state, formAction] = useActionState(action, null);
  const values = state && !state.ok ? state.values : initial;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const text = (name: string) => textValue(values, name);
  return (
    <form key={state?.submission ?? 0} className="form form--wide" action={formAction} noValidate>
      <ErrorSummary state={state} labels={LABELS} targets={TARGETS} />
      <FormMessage state={state?.ok ? state : null} />
      <fieldset className="field">
        <legend>Adresse</legend>
        <div className="form">
          <TextField name="nom" label={LABELS.nom} required errors={errors} defaultValue={text("nom")} hint="Par exemple : Médiathèque Flora Tristan, Espace numérique du centre social." />
          <TextField name="adresse" label={LABELS.adresse} required errors={errors} defaultValue={text("adresse")} hint="Par exemple 8 rue Armand Gayral." autoComplete="address-line1" />
          <TextField name="complementAdresse" label={LABELS.complementAdresse} errors={errors} defaultValue={text("complementAdresse")} hint="Bâtiment, étage, entrée…" autoComplete="address-line2" />
          <div className="field-row">
            <TextField name="codePostal" label={LABELS.codePostal} required errors={errors} defaultValue={text("codePostal")} inputMode="numeric" autoComplete="postal-code" />
            <TextField name="commune" label={LABELS.commune} required errors={errors} defaultValue={text("commune")} autoComplete="address-level2" />
          </div>
          <TextField name="codeInsee" label={LABELS.codeInsee} errors={errors} defaultValue={text("codeInsee")} hint="Le code officiel de la commune (différent du code postal) : 5 caractères, par exemple 33063 pour Bordeaux." />
          <div className="field-row">
            <TextField name="latitude" label={LABELS.latitude} errors={errors} defaultValue={text("latitude")} inputMode="decimal" hint="En degrés décimaux, par exemple 44.8378. Avec la longitude, ou aucune des deux." />
            <TextField name="longitude" label={LABELS.longitude} errors={errors} defaultValue={text("longitude")} inputMode="decimal" hint="En degrés décimaux, par exemple -0.5792. Avec la latitude, ou aucune des deux." />
          </div>
          <CoordinatesPicker />
        </div>
      </fieldset>
      <fieldset className="field">
        <legend>Contact et horaires</legend>
        <div className="form">
          <TextField name="telephone" label={LABELS.telephone} type="tel" errors={errors} defaultValue={text("telephone")} hint="Par exemple 05 56 12 34 56" autoComplete="tel" />
          <TextArea name="courriels" label={LABELS.courriels} errors={errors} defaultValue={text("courriels")} rows={2} hint="Adresses électroniques de contact du lieu : une par ligne, ou séparées par des virgules." />
          <TextArea name="siteWeb" label={LABELS.siteWeb} errors={errors} defaultValue={text("siteWeb")} rows={2} hint="Une adresse par ligne, par exemple https://www.exemple.fr" />
          <HorairesField label={LABELS.horaires} defaultValue={text("horaires")} errors={errors?.horaires} />
        </div>
      </fieldset>
      {LIEU_LIST_FIELD_NAMES.map((name) => (
        <CheckboxGroup
          key={name}
          name={name}
          legend={LIEU_LIST_FIELDS[name].legend}
          hint={HINTS[name]}
          errors={errors}
          options={LIEU_LIST_FIELDS[name].options.map((o) => ({ value: o, label: o }))}
          defaultValues={listValue(values, name)}
        />
      ))}
      <fieldset className="field">
        <legend>Présentation</legend>
        <div className="form">
          <TextArea name="presentationResume" label={LABELS.presentationResume} errors={errors} defaultValue={text("presentationResume")} rows={3} hint="280 caractères au maximum : ce que l'on vient faire ici, en une ou deux phrases." />
          <TextArea name="presentationDetail" label={LABELS.presentationDetail} errors={errors} defaultValue={text("presentationDetail")} rows={6} />
        </div>
      </fieldset>
      <div className="actions">
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}

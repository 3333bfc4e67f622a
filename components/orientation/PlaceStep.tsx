import { SelectField, TextField } from "@/components/ui/Field";
import type { OrientationAnswers } from "@/lib/schemas/orientation";
import { StepForm } from "./StepForm";
import { UseMyPosition } from "./UseMyPosition";

type Props = { answers: OrientationAnswers; errors: Record<string, string[]>; communes: string[]; geocoding: boolean };

const LABELS = { commune: "Commune", lat: "Latitude", lon: "Longitude", adresse: "Adresse" };

/** Step 3: where the person can go: a commune, or near a point (typed, the browser's position, or an address). */
export function PlaceStep({ answers, errors, communes, geocoding }: Props) {
  return (
    <StepForm step="lieu" next="resultats" answers={answers} errors={errors} labels={LABELS} submitLabel="Voir vers qui se tourner">
      <h2 className="orientation-form__question">Où la personne peut-elle se rendre ?</h2>
      <p className="hint">Facultatif : sans commune ni point, tous les lieux sont proposés, classés selon le besoin et la personne.</p>
      <SelectField
        name="commune"
        label={LABELS.commune}
        options={communes.map((c) => ({ value: c, label: c }))}
        emptyLabel="Toutes les communes"
        defaultValue={communes.find((c) => c === answers.commune) ?? answers.commune}
        errors={errors}
        hint="Les lieux de cette commune passent en premier ; les autres suivent, des plus proches aux plus éloignés."
      />
      <fieldset className="field">
        <legend>Ou près d&apos;un point</legend>
        <p className="hint">
          En degrés décimaux, par exemple 44.8412 et -0.5699 pour la place de la Bourse à Bordeaux. Les lieux à moins de 5 km
          passent en premier, et la distance de chacun est indiquée.
        </p>
        <div className="field-row">
          <TextField name="lat" label={LABELS.lat} inputMode="decimal" defaultValue={answers.lat} errors={errors} />
          <TextField name="lon" label={LABELS.lon} inputMode="decimal" defaultValue={answers.lon} errors={errors} />
        </div>
        <UseMyPosition latitudeId="champ-lat" longitudeId="champ-lon" />
        {geocoding && (
          <TextField
            name="adresse"
            label={LABELS.adresse}
            defaultValue={answers.adresse}
            errors={errors}
            hint="Au lieu des coordonnées : une adresse ou un lieu-dit. Elle est envoyée à la Base Adresse Nationale pour trouver sa position, et n'est pas conservée."
          />
        )}
      </fieldset>
    </StepForm>
  );
}

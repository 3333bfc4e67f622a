import { LIEU_PRISES_EN_CHARGE_SPECIFIQUES, LIEU_PUBLICS_SPECIFIQUEMENT_ADRESSES } from "@/lib/lieu/labels";
import type { OrientationAnswers } from "@/lib/schemas/orientation";
import { ChoiceGroup, StepForm } from "./StepForm";

/** Step 2: who the person is, and the specific support they need; both optional. */
export function PersonStep({ answers, errors }: { answers: OrientationAnswers; errors: Record<string, string[]> }) {
  return (
    <StepForm
      step="personne"
      next="lieu"
      answers={answers}
      errors={errors}
      labels={{ public: "Public", prise: "Prise en charge spécifique" }}
      targets={{ public: "champ-public-0", prise: "champ-prise-0" }}
      submitLabel="Continuer"
    >
      <h2 className="orientation-form__question">Qui est la personne ?</h2>
      <p className="hint">Facultatif : ne cochez que ce qui aide à trouver le bon lieu. Rien n&apos;est enregistré.</p>
      <ChoiceGroup
        type="checkbox"
        name="public"
        legend="Public"
        options={LIEU_PUBLICS_SPECIFIQUEMENT_ADRESSES.map((p) => ({ value: p, label: p }))}
        checked={answers.public}
        errors={errors.public}
      />
      <ChoiceGroup
        type="checkbox"
        name="prise"
        legend="Prise en charge spécifique"
        hint="Par exemple une personne sourde, ou qui parle une autre langue que le français."
        options={LIEU_PRISES_EN_CHARGE_SPECIFIQUES.map((p) => ({ value: p, label: p }))}
        checked={answers.prise}
        errors={errors.prise}
      />
    </StepForm>
  );
}

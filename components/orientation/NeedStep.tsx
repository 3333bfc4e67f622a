import type { OrientationAnswers } from "@/lib/schemas/orientation";
import { SERVICE_NEEDS, themeNeeds, type ThemeRef } from "@/lib/orientation/needs";
import { ChoiceGroup, StepForm } from "./StepForm";

/** Step 1: what the person needs, among the national services and the wiki's themes. */
export function NeedStep({ answers, errors, themes }: { answers: OrientationAnswers; errors: Record<string, string[]>; themes: ThemeRef[] }) {
  const checked = answers.besoin ? [answers.besoin] : [];
  return (
    <StepForm step="besoin" next="personne" answers={answers} errors={errors} labels={{ besoin: "Le besoin" }} targets={{ besoin: "champ-besoin-0" }} submitLabel="Continuer">
      <fieldset className="field">
        <legend>
          <h2 className="orientation-form__question">Que cherche à faire la personne ?</h2>
        </legend>
        <p className="hint">Un seul choix. Les services sont ceux que les lieux déclarent, selon la liste nationale.</p>
        <ChoiceGroup
          type="radio"
          name="besoin"
          legend="Un service"
          options={SERVICE_NEEDS.map((n) => ({ value: n.key, label: n.label }))}
          checked={checked}
          errors={errors.besoin}
        />
        <ChoiceGroup
          type="radio"
          name="besoin"
          legend="Ou un thème"
          hint="Les lieux des acteurs qui agissent sur ce thème."
          options={themeNeeds(themes).map((n) => ({ value: n.key, label: n.label }))}
          checked={checked}
          firstIndex={SERVICE_NEEDS.length}
        />
      </fieldset>
    </StepForm>
  );
}

"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/ErrorSummary";
import { FormMessage } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/SubmitButton";
import { textValue, type FormState } from "@/lib/form-state";
import { Field } from "./Field";
import { FichePicker } from "./FichePicker";

type FormAction = (previous: FormState<unknown> | null, form: FormData) => Promise<FormState<unknown>>;

const MODULE_LABELS = { titre: "Titre du nouveau module", description: "Description du nouveau module" };

/** "Ajouter un module": appended after the others; the form is emptied after a success. */
export function AddModuleForm({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, null);
  const values = state && !state.ok ? state.values : {};
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form key={state?.submission ?? 0} action={formAction} className="form" noValidate>
      <ErrorSummary state={state} labels={MODULE_LABELS} targets={{ titre: "nouveau-module-titre", description: "nouveau-module-description" }} />
      <FormMessage state={state?.ok ? state : null} />
      <Field id="nouveau-module-titre" name="titre" label={MODULE_LABELS.titre} required errors={errors} defaultValue={textValue(values, "titre")} hint="Par exemple « Accueillir la personne »." />
      <Field id="nouveau-module-description" name="description" label={MODULE_LABELS.description} rows={3} errors={errors} defaultValue={textValue(values, "description")} />
      <div className="actions">
        <SubmitButton pendingLabel="Ajout…">Ajouter le module</SubmitButton>
      </div>
    </form>
  );
}

const FICHE_LABELS = { moduleId: "Ajouter dans le module", ficheId: "Fiche à ajouter", note: "Note du formateur", duree: "Durée prévue pour cette fiche" };
const FICHE_TARGETS = { moduleId: "ajout-fiche-module", ficheId: "ajout-fiche-recherche", note: "ajout-fiche-note", duree: "ajout-fiche-duree" };

/** "Ajouter une fiche": a published fiche chosen by its title, put at the end of a module with the trainer's note. */
export function AddFicheForm({ action, modules }: { action: FormAction; modules: { id: number; titre: string }[] }) {
  const [state, formAction] = useActionState(action, null);
  const values = state?.values ?? {};
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const moduleError = errors?.moduleId;
  return (
    <form key={state?.submission ?? 0} action={formAction} className="form" noValidate>
      <ErrorSummary state={state} labels={FICHE_LABELS} targets={FICHE_TARGETS} />
      <FormMessage state={state?.ok ? state : null} />
      <div className="field">
        <label htmlFor="ajout-fiche-module">{FICHE_LABELS.moduleId} (obligatoire)</label>
        <select
          id="ajout-fiche-module"
          name="moduleId"
          defaultValue={textValue(values, "moduleId") || String(modules[0]?.id ?? "")}
          aria-invalid={moduleError ? true : undefined}
          aria-describedby={moduleError ? "ajout-fiche-module-error" : undefined}
        >
          {modules.map((m, i) => (
            <option key={m.id} value={m.id}>
              Module {i + 1} : {m.titre}
            </option>
          ))}
        </select>
        {moduleError && (
          <p id="ajout-fiche-module-error" className="field-error">
            {moduleError.join(" ")}
          </p>
        )}
      </div>
      <FichePicker
        id="ajout-fiche-recherche"
        initial={{ ficheId: state && !state.ok ? textValue(values, "ficheId") : "", titre: state && !state.ok ? textValue(values, "ficheTitre") : "" }}
        error={errors?.ficheId}
      />
      <Field id="ajout-fiche-note" name="note" label={FICHE_LABELS.note} rows={3} errors={errors} defaultValue={state && !state.ok ? textValue(values, "note") : ""} hint="Pourquoi cette fiche, comment l'utiliser en formation." />
      <Field id="ajout-fiche-duree" name="duree" label={FICHE_LABELS.duree} errors={errors} defaultValue={state && !state.ok ? textValue(values, "duree") : ""} hint="Par exemple « 45 min »." />
      <div className="actions">
        <SubmitButton pendingLabel="Ajout…">Ajouter la fiche</SubmitButton>
      </div>
    </form>
  );
}

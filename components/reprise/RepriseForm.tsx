"use client";

import { useActionState, useId, useState } from "react";
import { declareRepriseAction } from "@/app/fiches/[slug]/reprise-actions";
import { ErrorSummary } from "@/components/form/ErrorSummary";
import { SubmitButton } from "@/components/form/SubmitButton";
import { FormMessage } from "@/components/ui/FormMessage";
import { Field, TextArea } from "@/components/ui/Field";
import { textValue } from "@/lib/form-state";
import { REPRISE_CHANGEMENTS_MAX, REPRISE_COMMUNE_MAX } from "@/lib/reprise/values";

const LABELS = { acteurId: "Acteur qui l'a reprise", commune: "Commune", depuis: "Depuis quand", changements: "Ce que vous avez changé" };

// The fiche page holds other forms (reports, comments): these ids are the form's own.
const TARGETS = Object.fromEntries(Object.keys(LABELS).map((name) => [name, `reprise-${name}`]));

/** An acteur the viewer may declare for, with its take-up of this fiche when it already declared one. */
export type RepriseChoice = { id: number; nom: string; declared?: { commune: string; depuis: string; changements: string } };

type Props = { ficheId: number; choices: RepriseChoice[]; communes: string[]; maxMonth: string };

/**
 * « Nous l'avons reprise »: a button that opens the declaration form. Choosing an acteur that already
 * declared fills the form with what it said, so that sending it corrects the declaration.
 */
export function RepriseForm({ ficheId, choices, communes, maxMonth }: Props) {
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(declareRepriseAction.bind(null, ficheId), null);
  const failedValues = state && !state.ok ? state.values : undefined;
  const [acteurId, setActeurId] = useState(failedValues ? textValue(failedValues, "acteurId") : String(choices[0]?.id ?? ""));
  const formId = useId();
  const listId = useId();
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const declared = choices.find((c) => String(c.id) === acteurId)?.declared;
  const value = (name: "commune" | "depuis" | "changements") => (failedValues ? textValue(failedValues, name) : (declared?.[name] ?? ""));

  return (
    <div className="reprise-form">
      <button type="button" className="button" aria-expanded={open} aria-controls={formId} onClick={() => setOpen(!open)}>
        Nous l&apos;avons reprise
      </button>
      <div id={formId} hidden={!open}>
        <FormMessage state={state?.ok ? state : null} />
        <form key={state?.submission ?? 0} action={action} className="form" aria-label="Déclarer une reprise" noValidate>
          <ErrorSummary state={state} labels={LABELS} targets={TARGETS} />
          {choices.length === 1 ? (
            <>
              <input type="hidden" name="acteurId" value={choices[0].id} />
              <p>Au nom de {choices[0].nom}</p>
            </>
          ) : (
            <Field id="reprise-acteurId" label={LABELS.acteurId} required errors={errors?.acteurId} hint="Vous déclarez au nom d'un acteur dont vous êtes membre.">
              {(control) => (
                <select {...control} name="acteurId" value={acteurId} onChange={(event) => setActeurId(event.target.value)}>
                  {choices.map((c) => (
                    <option key={c.id} value={String(c.id)}>
                      {c.declared ? `${c.nom} (déjà déclarée : la mettre à jour)` : c.nom}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {/* Re-created when another acteur is chosen, to show what that one declared; the select keeps the focus. */}
          <div key={acteurId}>
            <Field id="reprise-commune" label={LABELS.commune} required errors={errors?.commune} hint="Où votre acteur mène cette pratique.">
              {(control) => (
                <>
                  <input {...control} name="commune" list={listId} maxLength={REPRISE_COMMUNE_MAX} defaultValue={value("commune")} autoComplete="address-level2" />
                  <datalist id={listId}>
                    {communes.map((c) => (
                      <option key={c} value={c} />
                    ))}
                  </datalist>
                </>
              )}
            </Field>
            <Field id="reprise-depuis" label={LABELS.depuis} required errors={errors?.depuis} hint="Le mois et l'année, par exemple 2024-09.">
              {(control) => <input {...control} name="depuis" type="month" max={maxMonth} defaultValue={value("depuis")} />}
            </Field>
            <TextArea
              id="reprise-changements"
              name="changements"
              label={LABELS.changements}
              hint={`Ce que vous avez adapté, ajouté ou retiré par rapport à la fiche. ${REPRISE_CHANGEMENTS_MAX} caractères au maximum.`}
              errors={errors}
              defaultValue={value("changements")}
              maxLength={REPRISE_CHANGEMENTS_MAX}
              rows={4}
            />
          </div>
          <div className="actions">
            <SubmitButton>{declared ? "Mettre à jour la reprise" : "Déclarer la reprise"}</SubmitButton>
          </div>
        </form>
      </div>
    </div>
  );
}

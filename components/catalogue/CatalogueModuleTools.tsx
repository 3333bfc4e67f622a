"use client";

import { memo, useActionState, useState } from "react";
import { ConfirmSubmit } from "@/components/admin/ConfirmSubmit";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import { textValue, type FormState } from "@/lib/form-state";
import { TextArea, TextField } from "@/components/ui/Field";
import { sameModuleTools } from "./module-choices";

type FormAction = (previous: FormState<unknown> | null, form: FormData) => Promise<FormState<unknown>>;

type Props = {
  module: { id: number; titre: string; description: string; itemCount: number };
  renameAction: FormAction;
  /** One function for every module, whose identity never changes. */
  onRemove: (moduleId: number) => Promise<void>;
};

/**
 * Renaming a module (title and description) and deleting it with its fiches, after a confirmation.
 * Memoised (see sameModuleTools): a move elsewhere in the catalogue leaves it alone.
 */
export const CatalogueModuleTools = memo(function CatalogueModuleTools({ module, renameAction, onRemove }: Props) {
  const [state, formAction] = useActionState(renameAction, null);
  // The form is built when it is opened, as the fiches' note forms are.
  const [opened, setOpened] = useState(false);
  const refused = state !== null && !state.ok;
  const values = refused ? state.values : { titre: module.titre, description: module.description };
  const errors = refused ? (state.fieldErrors ?? {}) : {};
  const id = `module-${module.id}`;
  const count = module.itemCount;
  return (
    <div className="catalogue-module__tools">
      <details open={refused ? true : undefined} onToggle={(event) => setOpened(event.currentTarget.open)}>
        <summary>
          Renommer le module<span className="visually-hidden"> {module.titre}</span>
        </summary>
        {(opened || refused) && (
          <form key={state?.submission ?? 0} action={formAction} className="form" noValidate>
            <FormMessage state={state} />
            <input type="hidden" name="moduleId" value={module.id} />
            <TextField id={`${id}-titre`} name="titre" label={<>Titre du module<span className="visually-hidden"> {module.titre}</span></>} required errors={errors} defaultValue={textValue(values, "titre")} />
            <TextArea id={`${id}-description`} name="description" label={<>Description du module<span className="visually-hidden"> {module.titre}</span></>} rows={3} errors={errors} defaultValue={textValue(values, "description")} />
            <div className="actions">
              <SubmitButton>
                Enregistrer le module<span className="visually-hidden"> {module.titre}</span>
              </SubmitButton>
            </div>
          </form>
        )}
      </details>
      <form action={() => onRemove(module.id)}>
        <ConfirmSubmit
          question={`Supprimer le module « ${module.titre} »${count ? ` et ${count === 1 ? "sa fiche" : `ses ${count} fiches`} (avec vos notes)` : ""} ? Les fiches elles-mêmes restent dans le wiki.`}
          confirm="Oui, supprimer le module"
        >
          Supprimer le module<span className="visually-hidden"> {module.titre}</span>
        </ConfirmSubmit>
      </form>
    </div>
  );
}, sameModuleTools);

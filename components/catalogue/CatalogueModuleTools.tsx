"use client";

import { useActionState } from "react";
import { ConfirmSubmit } from "@/components/admin/ConfirmSubmit";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import { textValue, type FormState } from "@/lib/form-state";
import { TextArea, TextField } from "@/components/ui/Field";

type FormAction = (previous: FormState<unknown> | null, form: FormData) => Promise<FormState<unknown>>;

/** Renaming a module (title and description) and deleting it with its fiches, after a confirmation. */
export function CatalogueModuleTools({
  module,
  renameAction,
  onRemove,
}: {
  module: { id: number; titre: string; description: string; items: unknown[] };
  renameAction: FormAction;
  onRemove: () => Promise<void>;
}) {
  const [state, formAction] = useActionState(renameAction, null);
  const values = state && !state.ok ? state.values : { titre: module.titre, description: module.description };
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const id = `module-${module.id}`;
  const count = module.items.length;
  return (
    <div className="catalogue-module__tools">
      <details open={state !== null && !state.ok ? true : undefined}>
        <summary>
          Renommer le module<span className="visually-hidden"> {module.titre}</span>
        </summary>
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
      </details>
      <form action={onRemove}>
        <ConfirmSubmit
          question={`Supprimer le module « ${module.titre} »${count ? ` et ${count === 1 ? "sa fiche" : `ses ${count} fiches`} (avec vos notes)` : ""} ? Les fiches elles-mêmes restent dans le wiki.`}
          confirm="Oui, supprimer le module"
        >
          Supprimer le module<span className="visually-hidden"> {module.titre}</span>
        </ConfirmSubmit>
      </form>
    </div>
  );
}

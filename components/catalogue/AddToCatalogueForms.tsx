"use client";

import { useActionState, useRef, useState, type FormEvent } from "react";
import { ErrorSummary } from "@/components/form/ErrorSummary";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import { textValue, type FormState } from "@/lib/form-state";
import { TextArea, TextField } from "@/components/ui/Field";
import { FichePicker } from "./FichePicker";

type FormAction = (previous: FormState<unknown> | null, form: FormData) => Promise<FormState<unknown>>;

const MODULE_LABELS = { titre: "Titre du nouveau module", description: "Description du nouveau module" };

type ModuleFields = { titre: string; description: string };
const EMPTY: ModuleFields = { titre: "", description: "" };

/**
 * "Ajouter un module": appended after the others. The fields are emptied as soon as a module is sent,
 * so that the next one can be typed while the server works; the adds go one after the other, in the
 * order they were sent. A refused add comes back into the fields when they are still empty, and is
 * otherwise named in the error, so that nothing typed is lost.
 */
export function AddModuleForm({ action }: { action: FormAction }) {
  const [fields, setFieldState] = useState<ModuleFields>(EMPTY);
  const [sending, setSending] = useState<{ key: number; titre: string }[]>([]);
  const [outcome, setOutcome] = useState<{ state: FormState<unknown>; restored: boolean } | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const previous = useRef<FormState<unknown> | null>(null);
  const sent = useRef(0);
  // The fields as typed, read when an add comes back, after renders the callback has not seen.
  const current = useRef(fields);
  const setFields = (next: ModuleFields) => {
    current.current = next;
    setFieldState(next);
  };

  const add = async (form: FormData, values: ModuleFields) => {
    let state: FormState<unknown>;
    try {
      state = await action(previous.current, form);
    } catch {
      state = { ok: false, message: "Le serveur n'a pas répondu. Réessayez.", values: { ...values }, submission: (previous.current?.submission ?? 0) + 1 };
    }
    previous.current = state;
    // What was refused comes back only into empty fields: never over the next module being typed.
    const restored = !state.ok && current.current.titre === "" && current.current.description === "";
    if (restored) setFields(values);
    setOutcome({ state, restored });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = fields;
    const key = ++sent.current;
    setFields(EMPTY);
    setSending((list) => [...list, { key, titre: values.titre.trim() }]);
    queue.current = queue.current.then(async () => {
      try {
        await add(form, values);
      } finally {
        setSending((list) => list.filter((s) => s.key !== key));
      }
    });
  };

  const state = outcome?.state ?? null;
  const failed = state !== null && !state.ok;
  const errors = failed && outcome!.restored ? state.fieldErrors : undefined;
  const waiting = sending.filter((s) => s.titre).map((s) => `« ${s.titre} »`);
  return (
    <form onSubmit={submit} className="form" noValidate aria-busy={sending.length > 0}>
      {failed && outcome!.restored && <ErrorSummary state={state} labels={MODULE_LABELS} targets={{ titre: "nouveau-module-titre", description: "nouveau-module-description" }} />}
      {failed && !outcome!.restored && (
        <div role="alert" className="alert alert--error">
          {`${textValue(state.values, "titre") ? `Le module « ${textValue(state.values, "titre")} »` : "Un module sans titre"} n'a pas été ajouté : ${Object.values(state.fieldErrors ?? {}).flat()[0] ?? state.message}`}
        </div>
      )}
      <p role="status" className={state?.ok || waiting.length ? "alert alert--success" : undefined}>
        {waiting.length ? `Ajout en cours : ${waiting.join(", ")}.` : state?.ok ? state.message : ""}
      </p>
      <TextField
        id="nouveau-module-titre"
        name="titre"
        label={MODULE_LABELS.titre}
        required
        errors={errors}
        value={fields.titre}
        onChange={(titre) => setFields({ ...current.current, titre })}
        hint="Par exemple « Accueillir la personne »."
      />
      <TextArea
        id="nouveau-module-description"
        name="description"
        label={MODULE_LABELS.description}
        rows={3}
        errors={errors}
        value={fields.description}
        onChange={(description) => setFields({ ...current.current, description })}
      />
      <div className="actions">
        <button type="submit">Ajouter le module</button>
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
      <TextArea id="ajout-fiche-note" name="note" label={FICHE_LABELS.note} rows={3} errors={errors} defaultValue={state && !state.ok ? textValue(values, "note") : ""} hint="Pourquoi cette fiche, comment l'utiliser en formation." />
      <TextField id="ajout-fiche-duree" name="duree" label={FICHE_LABELS.duree} errors={errors} defaultValue={state && !state.ok ? textValue(values, "duree") : ""} hint="Par exemple « 45 min »." />
      <div className="actions">
        <SubmitButton pendingLabel="Ajout…">Ajouter la fiche</SubmitButton>
      </div>
    </form>
  );
}

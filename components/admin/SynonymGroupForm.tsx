"use client";

import { useActionState, useRef } from "react";
import { createSynonymGroup, deleteSynonymGroup, updateSynonymGroup } from "@/app/admin/synonymes/actions";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import { submittedOr } from "@/lib/action-result";
import { SYNONYM_GROUP_MAX } from "@/lib/schemas/synonym";
import { TextArea } from "@/components/ui/Field";
import { ConfirmSubmit } from "./ConfirmSubmit";
import { useKeepFocus } from "./useKeepFocus";

const HINT = `Une expression par ligne, de deux à ${SYNONYM_GROUP_MAX}. Chercher l'une trouve aussi les autres ; majuscules, accents et pluriels n'y changent rien.`;

/** Adds a group of synonyms; the form empties itself once the group is saved. */
export function NewSynonymGroupForm() {
  const [state, action] = useActionState(createSynonymGroup, null);
  const form = useRef<HTMLFormElement>(null);
  useKeepFocus(form, state);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form ref={form} action={action} aria-labelledby="nouveau-groupe-titre" className="form admin-term__form admin-term--new" noValidate>
      <h2 id="nouveau-groupe-titre">Ajouter un groupe</h2>
      <FormMessage state={state} />
      <TextArea
        id="nouveau-groupe-expressions"
        name="expressions"
        label="Expressions synonymes"
        required
        rows={4}
        hint={HINT}
        errors={errors}
        defaultValue={submittedOr(state, "expressions", "")}
      />
      <div className="actions">
        <SubmitButton>Ajouter le groupe</SubmitButton>
      </div>
    </form>
  );
}

/** The expressions of one group, and its deletion. */
export function SynonymGroupForm({ id, expressions, labelledBy }: { id: number; expressions: string[]; labelledBy: string }) {
  const [state, action] = useActionState(updateSynonymGroup, null);
  const [deleteState, deleteAction] = useActionState(deleteSynonymGroup, null);
  const form = useRef<HTMLFormElement>(null);
  useKeepFocus(form, state);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const name = expressions.join(", ");
  return (
    <>
      <form ref={form} action={action} aria-labelledby={labelledBy} className="form admin-term__form" noValidate>
        <FormMessage state={state} />
        <input type="hidden" name="synonymId" value={id} />
        <TextArea
          id={`groupe-${id}-expressions`}
          name="expressions"
          label="Expressions synonymes"
          required
          rows={Math.max(2, expressions.length)}
          hint={HINT}
          errors={errors}
          defaultValue={submittedOr(state, "expressions", expressions.join("\n"))}
        />
        <div className="actions">
          <SubmitButton>
            Enregistrer<span className="visually-hidden"> le groupe {name}</span>
          </SubmitButton>
        </div>
      </form>
      <form action={deleteAction} className="form admin-term__delete">
        <FormMessage state={deleteState} />
        <input type="hidden" name="synonymId" value={id} />
        <ConfirmSubmit question={`Supprimer le groupe « ${name} » ?`} confirm="Oui, supprimer le groupe">
          Supprimer<span className="visually-hidden"> le groupe {name}</span>
        </ConfirmSubmit>
      </form>
    </>
  );
}

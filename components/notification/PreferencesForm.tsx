"use client";

import { useActionState } from "react";
import { saveMyNotificationPreferences } from "@/app/compte/notifications/actions";
import { SubmitButton } from "@/components/form/SubmitButton";
import { CheckboxGroup, Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { listValue, textValue } from "@/lib/form-state";
import { DIGEST_LABELS } from "@/lib/notification/schema";
import { DIGEST_FREQUENCIES, type DigestFrequency } from "@/lib/notification/values";

/** The digest's frequency and the immediate mails for mentions and replies. */
export function PreferencesForm({ digest, mailMentions }: { digest: DigestFrequency; mailMentions: boolean }) {
  const [state, action] = useActionState(saveMyNotificationPreferences, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const chosenDigest = state ? textValue(state.values, "digest") : digest;
  const chosenMentions = state ? listValue(state.values, "mailMentions") : mailMentions ? ["oui"] : [];
  return (
    <form key={state?.submission ?? 0} className="form" action={action} noValidate>
      <FormMessage state={state} />
      <Field id="champ-digest" label="Résumé par courriel de ce que je suis" errors={errors?.digest} group hint="Les fiches, acteurs, thèmes, catalogues et discussions que vous suivez.">
        {({ id }) => (
          <ul className="checkbox-list">
            {DIGEST_FREQUENCIES.map((value) => (
              <li key={value}>
                <label>
                  <input type="radio" name="digest" value={value} id={`${id}-${value}`} defaultChecked={chosenDigest === value} />
                  {DIGEST_LABELS[value]}
                </label>
              </li>
            ))}
          </ul>
        )}
      </Field>
      <CheckboxGroup
        name="mailMentions"
        legend="Courriels immédiats"
        errors={errors}
        options={[{ value: "oui", label: "M'écrire aussitôt quand on me mentionne ou qu'on répond à une discussion où j'ai écrit" }]}
        defaultValues={chosenMentions}
      />
      <div className="actions">
        <SubmitButton>Enregistrer mes préférences</SubmitButton>
      </div>
    </form>
  );
}

"use client";

import { Link } from "@/components/ui/Link";
import { useActionState, useRef } from "react";
import { restoreRevisionAction } from "@/app/fiches/[slug]/historique/actions";
import { ConfirmSubmit } from "@/components/admin/ConfirmSubmit";
import { useKeepFocus } from "@/components/admin/useKeepFocus";
import { FormMessage } from "@/components/ui/FormMessage";

type Props = { ficheId: number; revisionId: number; slug: string; label: string };

/** "Restaurer cette version", asked for confirmation in the page; the outcome is announced with links onward. */
export function RestoreRevisionForm({ ficheId, revisionId, slug, label }: Props) {
  const [state, action] = useActionState(restoreRevisionAction, null);
  const form = useRef<HTMLFormElement>(null);
  useKeepFocus(form, state);
  return (
    <form ref={form} action={action} className="restore-form">
      <input type="hidden" name="ficheId" value={ficheId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <ConfirmSubmit
        question={`Restaurer la ${label} ? Son contenu remplacera celui de la fiche, comme une nouvelle modification que les personnes en train de l'éditer verront aussitôt. Les autres versions restent dans l'historique.`}
        confirm="Oui, restaurer cette version"
      >
        Restaurer cette version
      </ConfirmSubmit>
      <FormMessage state={state} />
      {state?.ok && (
        <p className="actions">
          <Link href={`/fiches/${slug}`}>Voir la fiche</Link>
          <Link href={`/fiches/${slug}/historique`}>Voir l&apos;historique</Link>
        </p>
      )}
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { resolveThreadAction } from "@/app/fiches/[slug]/comment-actions";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";

/** "Marquer comme résolu", or "Rouvrir" a resolved thread. */
export function ResolveForm({ threadId, resolved, onSaved }: { threadId: number; resolved: boolean; onSaved?: () => void }) {
  const [state, action] = useActionState(async (previous: Awaited<ReturnType<typeof resolveThreadAction>> | null, form: FormData) => {
    const next = await resolveThreadAction(previous, form);
    if (next.ok) onSaved?.();
    return next;
  }, null);
  return (
    <form action={action} className="comment__resolve">
      <input type="hidden" name="threadId" value={threadId} />
      <input type="hidden" name="resolved" value={resolved ? "0" : "1"} />
      <SubmitButton className="button--secondary" pendingLabel="Enregistrement…">
        {resolved ? "Rouvrir la discussion" : "Marquer comme résolu"}
      </SubmitButton>
      <FormMessage state={state?.ok ? null : state} />
    </form>
  );
}

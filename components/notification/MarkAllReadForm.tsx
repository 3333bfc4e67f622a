"use client";

import { useActionState } from "react";
import { markAllMyNotificationsRead } from "@/app/notifications/actions";
import { SubmitButton } from "@/components/form/SubmitButton";
import { FormMessage } from "@/components/ui/FormMessage";

/** « Tout marquer comme lu », with its outcome announced. */
export function MarkAllReadForm() {
  const [state, action] = useActionState(markAllMyNotificationsRead, null);
  return (
    <form action={action} className="notification-actions">
      <SubmitButton pendingLabel="Marquage…">Tout marquer comme lu</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

"use client";

import { useActionState, useEffect } from "react";
import { markAllMyNotificationsRead } from "@/app/notifications/actions";
import { SubmitButton } from "@/components/form/SubmitButton";
import { FormMessage } from "@/components/ui/FormMessage";
import { NOTIFICATIONS_CHANGED_EVENT } from "@/lib/notification/poll";

/** « Tout marquer comme lu », with its outcome announced. */
export function MarkAllReadForm() {
  const [state, action] = useActionState(markAllMyNotificationsRead, null);
  useEffect(() => {
    if (state?.ok) window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED_EVENT));
  }, [state]);
  return (
    <form action={action} className="notification-actions">
      <SubmitButton pendingLabel="Marquage…">Tout marquer comme lu</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/form/SubmitButton";
import type { FormState } from "@/lib/form-state";

type Action = (previous: FormState<unknown> | null, form: FormData) => Promise<FormState<unknown>>;

/** A form of one button (and hidden values) that says what happened, success or refusal, above it. */
export function ActionButton({
  action,
  children,
  pendingLabel,
  hidden = {},
  className,
}: {
  action: Action;
  children: React.ReactNode;
  pendingLabel: string;
  hidden?: Record<string, string>;
  className?: string;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="catalogue-action">
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton pendingLabel={pendingLabel} className={className}>
        {children}
      </SubmitButton>
    </form>
  );
}

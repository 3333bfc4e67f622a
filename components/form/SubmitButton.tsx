"use client";

import { useFormStatus } from "react-dom";

/** A submit button that shows progress and cannot be clicked twice. */
export function SubmitButton({ children, pendingLabel = "Enregistrement…", className }: { children: React.ReactNode; pendingLabel?: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={className}>
      {pending ? pendingLabel : children}
    </button>
  );
}

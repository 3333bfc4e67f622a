/** The outcome of a submitted form, announced to screen readers. */
export function FormMessage({ state }: { state: { ok: boolean; message?: string } | null }) {
  if (!state?.message) return null;
  return (
    <div role={state.ok ? "status" : "alert"} className={`alert ${state.ok ? "alert--success" : "alert--error"}`}>
      {state.message}
    </div>
  );
}

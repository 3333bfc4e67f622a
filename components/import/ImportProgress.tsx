import type { RefObject } from "react";

/** Where a running import is: the steps passed, and the acteurs and fiches written out of the total. */
export type ProgressState = { steps: string[]; done: number; total: number; label: string };

/** The progress of a confirmed import: a progress bar, and each step announced as it starts. */
export function ImportProgressView({ progress, headingRef }: { progress: ProgressState; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const current = progress.steps[progress.steps.length - 1] ?? "Envoi du fichier…";
  return (
    <section aria-labelledby="import-progress-title" className="import-progress">
      <h2 id="import-progress-title" ref={headingRef} tabIndex={-1}>
        Import en cours
      </h2>
      <label htmlFor="import-progress-bar">Progression de l&apos;import</label>
      <progress id="import-progress-bar" max={Math.max(progress.total, 1)} value={progress.done} aria-describedby="import-progress-label">
        {progress.done} sur {progress.total}
      </progress>
      <p id="import-progress-label" className="muted">
        {progress.label || "En attente du serveur…"}
      </p>
      <p role="status" aria-live="polite">
        {current}
      </p>
      {progress.steps.length > 1 && (
        <ol className="import-steps">
          {progress.steps.slice(0, -1).map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      )}
    </section>
  );
}

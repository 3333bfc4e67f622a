"use client";

import { useEffect, useRef } from "react";

type Props = {
  state: { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> } | null;
  /** The visible label of each field, to name it in the summary. */
  labels: Record<string, string>;
  /** Fields whose first control has another id than champ-<name>, such as checkbox groups (champ-<name>-0). */
  targets?: Record<string, string>;
};

/**
 * The list of a refused form's errors, each linking to its field. It takes the focus when it
 * appears, so that keyboard and screen reader users land on what to fix.
 */
export function ErrorSummary({ state, labels, targets = {} }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const failed = state !== null && !state.ok;
  useEffect(() => {
    if (failed) ref.current?.focus();
  }, [failed, state]);
  if (!failed) return null;
  const entries = Object.entries(state.fieldErrors ?? {});
  return (
    <div ref={ref} tabIndex={-1} className="alert alert--error error-summary" aria-labelledby="resume-erreurs">
      <p id="resume-erreurs" className="error-summary__title">
        {state.message}
      </p>
      {entries.length > 0 && (
        <ul>
          {entries.map(([name, messages]) => {
            if (!labels[name]) return <li key={name}>{messages.join(" ")}</li>;
            const target = targets[name] ?? `champ-${name}`;
            return (
              <li key={name}>
                <a
                  href={`#${target}`}
                  onClick={(event) => {
                    // Move the focus too: following an in-page link only scrolls in some browsers.
                    const field = document.getElementById(target);
                    if (!field) return;
                    event.preventDefault();
                    field.focus();
                    field.scrollIntoView({ block: "center" });
                  }}
                >
                  {labels[name]} : {messages.join(" ")}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

"use client";

import type * as Y from "yjs";
import { setField } from "@/lib/fiche/document";
import { useSharedValue } from "./shared-value";

type Option = { id: number; label: string };

function unconfirmedOf(suggested: Iterable<string>, themes: { has(key: string): boolean }): string[] {
  return [...suggested].filter((key) => !themes.has(key));
}

function readUnconfirmed(doc: Y.Doc): string[] {
  return unconfirmedOf(setField(doc, "themesSuggeres").keys(), setField(doc, "themes"));
}

function watchThemes(doc: Y.Doc, refresh: () => void): () => void {
  const themes = setField(doc, "themes");
  const suggested = setField(doc, "themesSuggeres");
  themes.observe(refresh);
  suggested.observe(refresh);
  return () => {
    themes.unobserve(refresh);
    suggested.unobserve(refresh);
  };
}

/**
 * The themes the classifier suggested from the text (at import) that nobody has confirmed: each
 * can be confirmed (it becomes one of the fiche's themes) or withdrawn. Until then the fiche is
 * listed under it, marked « suggéré ».
 */
export function SuggestedThemes({
  doc,
  initialContent,
  options,
  disabled,
}: {
  /** Null until the fiche's document exists (see useFicheSession). */
  doc: Y.Doc | null;
  initialContent: { themes: number[]; themesSuggeres: number[] };
  options: Option[];
  disabled?: boolean;
}) {
  const [keys, change] = useSharedValue(
    doc,
    readUnconfirmed,
    unconfirmedOf(initialContent.themesSuggeres.map(String), new Set(initialContent.themes.map(String))),
    watchThemes,
  );

  const shown = options.filter((option) => keys.includes(String(option.id)));
  if (shown.length === 0) return null;
  const others = (key: string) => keys.filter((other) => other !== key);
  const confirm = (key: string) =>
    change(
      (d) =>
        d.transact(() => {
          setField(d, "themes").set(key, true);
          setField(d, "themesSuggeres").delete(key);
        }),
      others(key),
    );
  const withdraw = (key: string) => change((d) => setField(d, "themesSuggeres").delete(key), others(key));
  return (
    <section className="suggested-themes" aria-labelledby="fiche-themes-suggeres">
      <h3 id="fiche-themes-suggeres">Thèmes suggérés d&apos;après le texte</h3>
      <p className="hint">Proposés automatiquement à l&apos;import. Confirmez ceux qui conviennent, retirez les autres.</p>
      <ul className="suggested-themes__list">
        {shown.map((option) => {
          const key = String(option.id);
          return (
            <li key={key}>
              <span>{option.label}</span>{" "}
              <button type="button" className="button--secondary" disabled={disabled} onClick={() => confirm(key)} aria-label={`Confirmer le thème ${option.label}`}>
                Confirmer
              </button>{" "}
              <button type="button" className="button--secondary" disabled={disabled} onClick={() => withdraw(key)} aria-label={`Retirer la suggestion ${option.label}`}>
                Retirer
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

"use client";

import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { setField } from "@/lib/fiche/document";

type Option = { id: number; label: string };

const unconfirmed = (suggested: Y.Map<true>, themes: Y.Map<true>) => [...suggested.keys()].filter((key) => !themes.has(key));

/**
 * The themes the classifier suggested from the text (at import) that nobody has confirmed: each
 * can be confirmed (it becomes one of the fiche's themes) or withdrawn. Until then the fiche is
 * listed under it, marked « suggéré ».
 */
export function SuggestedThemes({ doc, options, disabled }: { doc: Y.Doc; options: Option[]; disabled?: boolean }) {
  const themes = setField(doc, "themes");
  const suggested = setField(doc, "themesSuggeres");
  const [keys, setKeys] = useState<string[]>(() => unconfirmed(suggested, themes));
  useEffect(() => {
    const refresh = () => setKeys(unconfirmed(suggested, themes));
    refresh();
    suggested.observe(refresh);
    themes.observe(refresh);
    return () => {
      suggested.unobserve(refresh);
      themes.unobserve(refresh);
    };
  }, [suggested, themes]);

  const shown = options.filter((option) => keys.includes(String(option.id)));
  if (shown.length === 0) return null;
  const confirm = (key: string) =>
    doc.transact(() => {
      themes.set(key, true);
      suggested.delete(key);
    });
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
              <button type="button" className="button--secondary" disabled={disabled} onClick={() => suggested.delete(key)} aria-label={`Retirer la suggestion ${option.label}`}>
                Retirer
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

"use client";

import { useEffect, useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import type { Editor } from "@tiptap/react";
import type { WikiLinkSuggestionStore } from "./wiki-link-suggestion";

const LIST_ID = "wiki-link-suggestions-list";

const NOUNS = { fiche: ["fiche", "fiches"], acteur: ["acteur", "acteurs"] } as const;

/**
 * The list opened by typing "[[" or "@" in the body: an ARIA listbox whose active option the
 * editor points to with aria-activedescendant, so that the focus stays in the text while the
 * arrow keys move through it. A polite live region says what was found.
 */
export function WikiLinkSuggestions({ editor, store }: { editor: Editor; store: WikiLinkSuggestionStore }) {
  const state = useSyncExternalStore(store.subscribe, store.get, () => null);
  const activeId = state && state.items.length > 0 ? `${LIST_ID}-${state.active}` : null;

  useEffect(() => {
    // useEditor destroys an instance whose component has not run its effects 1 ms after rendering
    // it (a busy main thread); this effect may then run with it, whose view throws once destroyed.
    if (editor.isDestroyed) return;
    const dom = editor.view.dom;
    if (state) dom.setAttribute("aria-controls", LIST_ID);
    else dom.removeAttribute("aria-controls");
    if (activeId) dom.setAttribute("aria-activedescendant", activeId);
    else dom.removeAttribute("aria-activedescendant");
  }, [editor, state, activeId]);

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  let announcement = "";
  if (state) {
    const [one, many] = NOUNS[state.kind];
    const n = state.items.length;
    if (state.failed) announcement = "La recherche a échoué ; réessayez.";
    else if (state.query.trim() === "") announcement = state.kind === "fiche" ? "Tapez le titre d'une fiche à lier." : "Tapez le nom d'un acteur à mentionner.";
    else if (state.loading) announcement = "";
    else if (n === 0) announcement = `Aucun${state.kind === "fiche" ? "e" : ""} ${one} ne correspond. Échap pour fermer.`;
    else announcement = `${n} ${n > 1 ? many : one} proposé${state.kind === "fiche" ? "e" : ""}${n > 1 ? "s" : ""} : flèches haut et bas pour choisir, Entrée pour insérer, Échap pour fermer.`;
  }

  return (
    <>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {state &&
        createPortal(
          <div className="wiki-suggest__panel">
            {state.items.length > 0 ? (
              <ul id={LIST_ID} role="listbox" aria-label={state.kind === "fiche" ? "Fiches à lier" : "Acteurs à mentionner"} className="combobox__list">
                {state.items.map((item, i) => (
                  <li
                    key={item.id}
                    id={`${LIST_ID}-${i}`}
                    role="option"
                    aria-selected={i === state.active}
                    className="combobox__option"
                    // Keep the focus in the editor: a click must not blur it before it picks.
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => state.select(item)}
                  >
                    {item.label} {item.detail && <span className="muted">({item.detail})</span>}
                  </li>
                ))}
              </ul>
            ) : (
              <p id={LIST_ID} className="wiki-suggest__hint">
                {state.failed ? "La recherche a échoué ; réessayez." : state.query.trim() === "" || state.loading ? announcement || "Recherche…" : announcement}
              </p>
            )}
          </div>,
          state.element,
        )}
    </>
  );
}

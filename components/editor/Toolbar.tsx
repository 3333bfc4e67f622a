"use client";

import { useEffect, useRef, useState } from "react";
import { useEditorState, type Editor } from "@tiptap/react";
import { FicheLinkDialog } from "./FicheLinkDialog";
import { LinkForm } from "./LinkForm";
import { ToolbarMenu } from "./ToolbarMenu";
import { listToolbarItems, readToolbarState } from "./toolbar-items";
import styles from "./editor.module.css";

// Below this width the "wide" actions move into « Plus », so that the bar keeps to one row at 320 px.
const NARROW_QUERY = "(max-width: 40rem)";

function useNarrow(): boolean {
  // The body editor is loaded with ssr: false: it renders only in the browser, where matchMedia is.
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW_QUERY).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW_QUERY);
    const change = () => setNarrow(query.matches);
    query.addEventListener("change", change);
    return () => query.removeEventListener("change", change);
  }, []);
  return narrow;
}

/**
 * The formatting toolbar: one row of icon buttons, each named by its visually hidden label, which
 * shows as a tooltip on hover and keyboard focus; the less common actions in the « Plus » menu.
 * One tab stop, arrow keys between buttons (WAI-ARIA toolbar pattern), aria-pressed on the toggles.
 */
export function Toolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({ editor, selector: ({ editor: e }) => readToolbarState(e) });
  const narrow = useNarrow();
  const [focused, setFocused] = useState(0);
  const [tipsHidden, setTipsHidden] = useState(false);
  const [linkOpen, setLinkOpen] = useState(false);
  const [ficheLinkOpen, setFicheLinkOpen] = useState(false);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  const items = listToolbarItems(editor, state, {
    linkOpen,
    toggleLink: () => setLinkOpen((open) => !open),
    openFicheLink: () => setFicheLinkOpen(true),
  });
  const inBar = items.filter((item) => item.place === "bar" || (item.place === "wide" && !narrow));
  const inMenu = items.filter((item) => !inBar.includes(item));
  // The « Plus » button is the last stop of the bar.
  const stops = inBar.length + 1;
  const current = Math.min(focused, stops - 1);

  const onKeyDown = (event: React.KeyboardEvent) => {
    // WCAG 1.4.13: a tooltip can be dismissed without moving the pointer or the focus.
    if (event.key === "Escape") return setTipsHidden(true);
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: stops - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = (moves[event.key] + stops) % stops;
    setFocused(next);
    refs.current[next]?.focus();
  };
  return (
    <>
      <div
        role="toolbar"
        aria-label="Mise en forme"
        aria-controls="fiche-contenu"
        className={`${styles.toolbar} ${tipsHidden ? styles.tipsHidden : ""}`}
        onKeyDown={onKeyDown}
        onPointerMove={() => tipsHidden && setTipsHidden(false)}
      >
        {inBar.map((item, i) => (
          <button
            key={item.key}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            className={styles.button}
            tabIndex={i === current ? 0 : -1}
            aria-pressed={item.pressed === undefined ? undefined : item.pressed}
            // aria-disabled keeps the button focusable inside the toolbar.
            aria-disabled={item.disabled || undefined}
            aria-keyshortcuts={item.shortcut}
            onFocus={() => {
              setFocused(i);
              setTipsHidden(false);
            }}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => !item.disabled && item.run()}
          >
            <item.icon aria-hidden="true" focusable="false" size={18} strokeWidth={2.25} />
            <span className={styles.tip}>{item.label}</span>
          </button>
        ))}
        <ToolbarMenu
          items={inMenu}
          buttonRef={(el) => {
            refs.current[inBar.length] = el;
          }}
          tabIndex={current === inBar.length ? 0 : -1}
          onFocus={() => {
            setFocused(inBar.length);
            setTipsHidden(false);
          }}
        />
      </div>
      {linkOpen && <LinkForm editor={editor} onClose={() => setLinkOpen(false)} />}
      {ficheLinkOpen && <FicheLinkDialog editor={editor} onClose={() => setFicheLinkOpen(false)} />}
    </>
  );
}

"use client";

import { useRef, useState } from "react";
import { useEditorState, type Editor } from "@tiptap/react";
import { FicheLinkDialog } from "./FicheLinkDialog";
import { LinkForm } from "./LinkForm";

type Button = { key: string; label: string; pressed?: boolean; disabled?: boolean; run: () => void };

/**
 * The formatting toolbar: one tab stop, arrow keys between buttons (WAI-ARIA toolbar pattern),
 * aria-pressed on the toggles. Undo and redo go through Yjs's UndoManager, so that one person
 * undoes only their own edits.
 */
export function Toolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      link: e.isActive("link"),
      table: e.isActive("table"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const [focused, setFocused] = useState(0);
  const [linkOpen, setLinkOpen] = useState(false);
  const [ficheLinkOpen, setFicheLinkOpen] = useState(false);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const chain = () => editor.chain().focus();

  const buttons: Button[] = [
    { key: "bold", label: "Gras", pressed: state.bold, run: () => chain().toggleBold().run() },
    { key: "italic", label: "Italique", pressed: state.italic, run: () => chain().toggleItalic().run() },
    { key: "h2", label: "Titre 2", pressed: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { key: "h3", label: "Titre 3", pressed: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { key: "bullet", label: "Liste à puces", pressed: state.bulletList, run: () => chain().toggleBulletList().run() },
    { key: "ordered", label: "Liste numérotée", pressed: state.orderedList, run: () => chain().toggleOrderedList().run() },
    { key: "link", label: "Lien", pressed: state.link || linkOpen, run: () => setLinkOpen((open) => !open) },
    { key: "fiche-link", label: "Lier une fiche", run: () => setFicheLinkOpen(true) },
    { key: "table", label: "Tableau", disabled: state.table, run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
    ...(state.table
      ? [
          { key: "row", label: "Ajouter une ligne", run: () => chain().addRowAfter().run() },
          { key: "column", label: "Ajouter une colonne", run: () => chain().addColumnAfter().run() },
          { key: "delete-table", label: "Supprimer le tableau", run: () => chain().deleteTable().run() },
        ]
      : []),
    { key: "undo", label: "Annuler", disabled: !state.canUndo, run: () => chain().undo().run() },
    { key: "redo", label: "Rétablir", disabled: !state.canRedo, run: () => chain().redo().run() },
  ];
  const current = Math.min(focused, buttons.length - 1);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: buttons.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = (moves[event.key] + buttons.length) % buttons.length;
    setFocused(next);
    refs.current[next]?.focus();
  };

  return (
    <>
      <div role="toolbar" aria-label="Mise en forme" aria-controls="fiche-contenu" className="editor-toolbar" onKeyDown={onKeyDown}>
        {buttons.map((b, i) => (
          <button
            key={b.key}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            className="editor-toolbar__button"
            tabIndex={i === current ? 0 : -1}
            aria-pressed={b.pressed === undefined ? undefined : b.pressed}
            // aria-disabled keeps the button focusable inside the toolbar.
            aria-disabled={b.disabled || undefined}
            onFocus={() => setFocused(i)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => !b.disabled && b.run()}
          >
            {b.label}
          </button>
        ))}
      </div>
      {linkOpen && <LinkForm editor={editor} onClose={() => setLinkOpen(false)} />}
      {ficheLinkOpen && <FicheLinkDialog editor={editor} onClose={() => setFicheLinkOpen(false)} />}
    </>
  );
}

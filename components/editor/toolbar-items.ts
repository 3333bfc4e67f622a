import type { Editor } from "@tiptap/react";
import {
  BetweenHorizontalEnd,
  BetweenVerticalEnd,
  Bold,
  FileSymlink,
  Heading2,
  Heading3,
  Italic,
  Link,
  List,
  ListOrdered,
  Redo2,
  Table,
  Trash2,
  Undo2,
  type LucideIcon,
} from "lucide-react";

/** What the toolbar reads from the editor at each transaction. */
export type ToolbarState = {
  bold: boolean;
  italic: boolean;
  h2: boolean;
  h3: boolean;
  bulletList: boolean;
  orderedList: boolean;
  link: boolean;
  table: boolean;
  canUndo: boolean;
  canRedo: boolean;
};

/**
 * Where an action sits: always in the bar, in the bar only when there is room for it, or always in
 * the « Plus » menu (the less common ones).
 */
export type ToolbarPlace = "bar" | "wide" | "menu";

export type ToolbarItem = {
  key: string;
  label: string;
  icon: LucideIcon;
  place: ToolbarPlace;
  /** For toggles: aria-pressed in the bar, aria-checked in the menu. */
  pressed?: boolean;
  disabled?: boolean;
  /** aria-keyshortcuts, for the shortcuts Tiptap already binds. */
  shortcut?: string;
  run: () => void;
};

export function readToolbarState(e: Editor): ToolbarState {
  return {
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
  };
}

/**
 * The toolbar's actions, in the order they show. Undo and redo go through Yjs's UndoManager, so
 * that one person undoes only their own edits.
 */
export function listToolbarItems(
  editor: Editor,
  state: ToolbarState,
  dialogs: { linkOpen: boolean; toggleLink: () => void; openFicheLink: () => void },
): ToolbarItem[] {
  const chain = () => editor.chain().focus();
  return [
    { key: "bold", label: "Gras", icon: Bold, place: "bar", pressed: state.bold, shortcut: "Control+B", run: () => chain().toggleBold().run() },
    { key: "italic", label: "Italique", icon: Italic, place: "bar", pressed: state.italic, shortcut: "Control+I", run: () => chain().toggleItalic().run() },
    { key: "h2", label: "Titre 2", icon: Heading2, place: "bar", pressed: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { key: "h3", label: "Titre 3", icon: Heading3, place: "wide", pressed: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { key: "bullet", label: "Liste à puces", icon: List, place: "bar", pressed: state.bulletList, run: () => chain().toggleBulletList().run() },
    { key: "ordered", label: "Liste numérotée", icon: ListOrdered, place: "wide", pressed: state.orderedList, run: () => chain().toggleOrderedList().run() },
    { key: "link", label: "Lien", icon: Link, place: "bar", pressed: state.link || dialogs.linkOpen, run: dialogs.toggleLink },
    { key: "fiche-link", label: "Lier une fiche", icon: FileSymlink, place: "wide", run: dialogs.openFicheLink },
    { key: "undo", label: "Annuler", icon: Undo2, place: "bar", disabled: !state.canUndo, shortcut: "Control+Z", run: () => chain().undo().run() },
    { key: "redo", label: "Rétablir", icon: Redo2, place: "wide", disabled: !state.canRedo, shortcut: "Control+Shift+Z", run: () => chain().redo().run() },
    {
      key: "table",
      label: "Insérer un tableau",
      icon: Table,
      place: "menu",
      disabled: state.table,
      run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    },
    ...(state.table
      ? ([
          { key: "row", label: "Ajouter une ligne", icon: BetweenHorizontalEnd, place: "menu", run: () => chain().addRowAfter().run() },
          { key: "column", label: "Ajouter une colonne", icon: BetweenVerticalEnd, place: "menu", run: () => chain().addColumnAfter().run() },
          { key: "delete-table", label: "Supprimer le tableau", icon: Trash2, place: "menu", run: () => chain().deleteTable().run() },
        ] satisfies ToolbarItem[])
      : []),
  ];
}
